#!/usr/bin/env bash
# Runs every test: the Maven reactor (unit and integration tests) and the Python interop suite,
# which holds Skiff against real scikit-learn, skops and huggingface_hub installed in .venv.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
export JAVA_HOME="${SKIFF_JAVA_HOME:-$(scripts/pick-jdk.sh)}"
echo "== JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
scripts/ensure-venv.sh
[ -x scripts/ensure-old-sklearn-venv.sh ] && scripts/ensure-old-sklearn-venv.sh   # models fitted by an older scikit-learn
echo "== Maven tests"
mvn -B -ntp verify
touch skiff-cli/target/.skiff-build-stamp   # the CLI jar was just built from these sources
echo "== Python interop tests"
.venv/bin/python -m pytest interop
