#!/usr/bin/env bash
# Creates .venv with the pinned Python oracles (interop/requirements.txt) unless it is already current.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
req="$root/interop/requirements.txt"
stamp="$root/.venv/.requirements.sha256"
want="$(sha256sum "$req" | cut -d' ' -f1)"
if [ -x "$root/.venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
echo "== Python venv: installing $(grep -cv '^#' "$req") pinned packages"
python3 -m venv "$root/.venv"
"$root/.venv/bin/pip" install -q --disable-pip-version-check -r "$req"
echo "$want" > "$stamp"
