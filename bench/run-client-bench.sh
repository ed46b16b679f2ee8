#!/usr/bin/env bash
# Java snapshotDownload (skiff download) beside Python's snapshot_download, against ./skiff serve on loopback.
# A benchmark, not a test: it exits 0 once it has printed its table (PASS/MISS is informational). See bench/README.md.
#
#   1. starts `skiff serve` on a fresh temp data directory and makes a write token;
#   2. uploads a repo of SMALL files (1-20 KiB each) and one LARGE_MIB file, once (HF_HUB_DISABLE_XET=1: LFS);
#   3. ROUNDS times, alternating which goes first: `skiff download REPO` and `python -c 'snapshot_download(REPO)'`,
#      each a new process downloading into a fresh, empty HF_HOME; wall-clock seconds, medians, ratio.
#
# Environment (all optional):
#   SKIFF      the skiff launcher (default: <repo>/skiff, which builds itself when sources changed)
#   PYTHON     interpreter with huggingface_hub (default: <repo>/.venv/bin/python)
#   SMALL      number of small files (default 500); LARGE_MIB size of the large file (default 1024)
#   ROUNDS     downloads per client (default 3)
#   SERVE_JAVA_OPTS  JVM options of the hub (default -Xms1g -Xmx1g); JAVA_OPTS applies to `skiff download`
#   KEEP=1     keep the work directory
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
skiff="${SKIFF:-$repo/skiff}"
python="${PYTHON:-$repo/.venv/bin/python}"
small="${SMALL:-500}"
large_mib="${LARGE_MIB:-1024}"
rounds="${ROUNDS:-3}"

work="$(mktemp -d /tmp/skiff-client-bench.XXXXXX)"
hub_pid=""
cleanup() {
  [[ -n "$hub_pid" ]] && kill "$hub_pid" 2>/dev/null && wait "$hub_pid" 2>/dev/null || true
  if [[ "${KEEP:-0}" != 1 ]]; then rm -rf "$work"; else echo "work directory kept: $work"; fi
}
trap cleanup EXIT

"$skiff" --version >/dev/null  # build first, outside any timing
port="$("$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
JAVA_OPTS="${SERVE_JAVA_OPTS:--Xms1g -Xmx1g}" "$skiff" serve --port "$port" --data "$work/data" >"$work/serve.log" 2>&1 &
hub_pid=$!
for _ in $(seq 1 600); do
  grep -q "serving" "$work/serve.log" 2>/dev/null && break
  kill -0 "$hub_pid" 2>/dev/null || { echo "hub did not start:"; cat "$work/serve.log"; exit 1; }
  sleep 0.5
done
endpoint="http://127.0.0.1:$port"
token="$("$skiff" admin token create --user bench --role write --data "$work/data")"
bench_repo="bench/snapshot"

echo "== hub at $endpoint; uploading $small small files and a ${large_mib} MiB file to $bench_repo"
"$python" "$here/client_bench.py" setup "$endpoint" "$token" "$bench_repo" "$work" --small "$small" --large-mib "$large_mib"
echo "== load before: $(uptime)"
echo "== $rounds rounds: skiff download vs python snapshot_download, fresh cache each time"
result="$("$python" "$here/client_bench.py" run "$endpoint" "$token" "$bench_repo" "$work" --rounds "$rounds" --skiff "$skiff")"
echo "== load after:  $(uptime)"

"$python" - "$result" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
print()
print(f"snapshot of {r['files']} files, {r['total_mib']} MiB, {r['rounds']} rounds (wall clock, process start to exit)")
print(f"{'client':<34}{'runs (s)':<28}{'median s':>9}{'MiB/s':>9}")
print(f"{'Java  skiff download':<34}{str(r['java_s']):<28}{r['java_median_s']:>9}{r['java_mib_s']:>9}")
print(f"{'Python snapshot_download':<34}{str(r['python_s']):<28}{r['python_median_s']:>9}{r['python_mib_s']:>9}")
print(f"ratio Python/Java median: {r['speedup_python_over_java']}x  (target Java >= Python: {r['target']})")
print(json.dumps(r))
PY
