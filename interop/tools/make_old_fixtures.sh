#!/usr/bin/env bash
# make_old_fixtures.sh - regenerate interop/fixtures/old/: .skops files written by OLD skops releases.
#
# Skiff must read files from every skops persistence protocol, not only the current one (2):
#   protocol 0 = skops 0.3-0.5, protocol 1 = skops 0.6-0.9 (docs reference skops.md §1.6).
# This script builds one throwaway venv per old stack under /tmp (never inside the repo), and in
# each runs interop/tools/old_fixtures/make_fixtures.py, which fits a handful of small models, dumps
# them with that skops, checks schema.json's "protocol", and saves a fixed input X plus the old
# stack's predict/predict_proba/decision_function/transform outputs as .npy files beside each
# fixture. Everything is described in interop/fixtures/old/manifest.json (per file: protocol, skops,
# scikit-learn, numpy, scipy versions, the old skops' own untrusted-type list, X and output files).
#
# The generated files are committed; CI never runs this (it needs PyPI and takes minutes of pip).
# interop/test_old_protocols.py checks them against Skiff and the current pinned Python stack.
#
# Usage:  interop/tools/make_old_fixtures.sh [--fresh] [p0|p1 ...]
#   --fresh   delete and recreate the /tmp venvs (otherwise reused when their pins still match)
#   p0 / p1   only these stacks (default: all). Re-running replaces that stack's files only.
# Environment: PYTHON (default python3; must be 3.11 - the old pins have cp311 wheels),
#              SKIFF_OLD_VENVS (default /tmp/skiff-old-skops-venvs).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/interop/fixtures/old"
gen="$root/interop/tools/old_fixtures/make_fixtures.py"
python="${PYTHON:-python3}"
venvs="${SKIFF_OLD_VENVS:-/tmp/skiff-old-skops-venvs}"

# tag -> protocol and pins. Chosen as the newest scikit-learn/numpy/scipy each skops release
# works with that still have CPython 3.11 wheels.
declare -A PROTOCOL=([p0]=0 [p1]=1)
declare -A PINS=(
  [p0]="skops==0.5.0 scikit-learn==1.2.2 numpy==1.24.4 scipy==1.10.1"
  [p1]="skops==0.9.0 scikit-learn==1.4.2 numpy==1.26.4 scipy==1.12.0"
)

fresh=0
tags=()
for a in "$@"; do
  case "$a" in
    --fresh) fresh=1 ;;
    p0|p1) tags+=("$a") ;;
    -h|--help) sed -n '2,22p' "$0"; exit 0 ;;
    *) echo "unknown argument: $a" >&2; exit 2 ;;
  esac
done
[ ${#tags[@]} -eq 0 ] && tags=(p0 p1)

"$python" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "need Python 3.11, got " + sys.version)'
case "$venvs" in "$root"|"$root"/*) echo "SKIFF_OLD_VENVS must be outside the repo" >&2; exit 2 ;; esac
mkdir -p "$venvs" "$out"

for tag in "${tags[@]}"; do
  venv="$venvs/$tag"
  pins="${PINS[$tag]}"
  stamp="$venv/.skiff-pins"
  if [ "$fresh" = 1 ] || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$pins" ]; then
    echo "== $tag: creating $venv ($pins)"
    rm -rf "$venv"
    "$python" -m venv "$venv"
    # shellcheck disable=SC2086
    "$venv/bin/pip" install -q --only-binary=:all: $pins
    echo "$pins" >"$stamp"
  else
    echo "== $tag: reusing $venv ($pins)"
  fi
  rm -f "$out/${tag}_"*
  PYTHONWARNINGS=ignore "$venv/bin/python" "$gen" "$tag" "${PROTOCOL[$tag]}" "$out"
done

size=$(du -sk "$out" | cut -f1)
echo "== wrote $out (${size} KiB)"
if [ "$size" -ge 2048 ]; then
  echo "fixtures exceed 2 MiB; shrink the models in $gen" >&2
  exit 1
fi
