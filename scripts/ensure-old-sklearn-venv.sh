#!/usr/bin/env bash
# Creates .venv-sklearn-old with an older scikit-learn (two minor releases behind .venv's 1.9.1) unless it is
# already current. interop/runtime/test_runtime_old_sklearn.py fits models in it, and Skiff must predict them
# with that version's numbers. The pins are contemporaries of scikit-learn 1.7.2 (September 2025); they need
# Python >= 3.11 (numpy 2.3, scipy 1.16) and install from wheels only. skops 0.16.0 (the same as .venv)
# supports scikit-learn >= 1.2.
#
# Idempotent: a stamp file holds the hash of the pins and the interpreter version, and is written last, so an
# interrupted install is redone on the next run; a current venv whose interpreter no longer starts (the base
# Python changed) is rebuilt too. Concurrent runs wait for each other (flock).
# Environment: PYTHON (default python3) chooses the interpreter the venv is made from.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv-sklearn-old"
py="${PYTHON:-python3}"
pins=(
  scikit-learn==1.7.2
  skops==0.16.0
  numpy==2.3.3
  scipy==1.16.2
  pandas==2.3.2
  joblib==1.5.2
  threadpoolctl==3.6.0
)
stamp="$venv/.requirements.sha256"

current() {
  [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] \
    && "$venv/bin/python" -c 'import sklearn, skops' >/dev/null 2>&1
}

command -v "$py" >/dev/null || { echo "ensure-old-sklearn-venv: no $py (set PYTHON)" >&2; exit 1; }
pyver="$("$py" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')"
if ! "$py" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)'; then
  echo "ensure-old-sklearn-venv: $py is Python $pyver; the scikit-learn 1.7.2 pins need >= 3.11 (set PYTHON)" >&2
  exit 1
fi
want="$( { printf '%s\n' "${pins[@]}"; echo "$pyver"; } | sha256sum | cut -d' ' -f1)"
current && exit 0

# one installer at a time; whoever waited finds the venv current and stops
exec 9>"${TMPDIR:-/tmp}/skiff-old-sklearn-venv-$(printf '%s' "$venv" | sha256sum | cut -c1-12).lock"
flock 9
current && exit 0

echo "== old scikit-learn venv: installing ${pins[*]} into $venv (Python $pyver)"
rm -rf "$venv"
"$py" -m venv "$venv"
"$venv/bin/python" -m pip install -q --disable-pip-version-check --retries 5 --timeout 60 \
  --only-binary=:all: "${pins[@]}"
"$venv/bin/python" - <<'EOF'
import sklearn, skops, numpy, scipy, pandas
assert sklearn.__version__ == "1.7.2", sklearn.__version__
print(f"== old venv ready: scikit-learn {sklearn.__version__}, skops {skops.__version__}, numpy {numpy.__version__}, "
      f"scipy {scipy.__version__}, pandas {pandas.__version__}")
EOF
echo "$want" > "$stamp"
