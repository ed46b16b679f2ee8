#!/usr/bin/env bash
# Skiff hub benchmark on loopback. See bench/hub/README.md.
# A benchmark, not a test: it exits 0 once it has printed its table (PASS/MISS is informational).
#
#   1. resolve HEAD (hf_hub_download's metadata call): requests/s and p99 latency. wrk cannot send HEAD to a server
#      that answers with a real Content-Length (its parser then waits for a body that never comes), so the HEAD
#      run uses ApacheBench (ab -k -i); wrk measures the same resolve path with GET of the same (7-byte) file;
#   2. GET of a large LFS file (default 1 GiB) from the hub vs nginx serving the same file in the same run.
#
# Needs: wrk, ab, nginx, curl (Debian: apt-get install wrk apache2-utils nginx-light curl), <repo>/.venv with
# huggingface_hub.
# Environment (all optional):
#   SKIFF        the skiff launcher (default: <repo>/skiff, which builds itself when sources changed)
#   PYTHON       interpreter with huggingface_hub (default: <repo>/.venv/bin/python)
#   SIZE_MIB     size of the LFS file (default 1024)
#   HEAD_SECONDS duration of the measured HEAD run (default 15; a 5 s warm-up comes first)
#   CONNECTIONS  concurrent connections of ab and wrk (default 16); WRK_THREADS (default 1: the other core serves)
#   GET_RUNS     downloads per server, best and median reported (default 3)
#   JAVA_OPTS    JVM options for the hub (default -Xms1g -Xmx1g)
#   KEEP=1       keep the work directory
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
skiff="${SKIFF:-$repo/skiff}"
python="${PYTHON:-$repo/.venv/bin/python}"
size_mib="${SIZE_MIB:-1024}"
head_s="${HEAD_SECONDS:-15}"
conns="${CONNECTIONS:-16}"
wrk_threads="${WRK_THREADS:-1}"
runs="${GET_RUNS:-3}"
export JAVA_OPTS="${JAVA_OPTS:--Xms1g -Xmx1g}"

for tool in wrk ab nginx curl; do
  command -v "$tool" >/dev/null || { echo "run-hub-bench: $tool not found (apt-get install wrk apache2-utils nginx-light curl)" >&2; exit 2; }
done

work="$(mktemp -d /tmp/skiff-hub-bench.XXXXXX)"
hub_pid=""
nginx_conf=""
cleanup() {
  [[ -n "$hub_pid" ]] && kill "$hub_pid" 2>/dev/null && wait "$hub_pid" 2>/dev/null || true
  [[ -n "$nginx_conf" ]] && nginx -c "$nginx_conf" -p "$work/nginx" -s stop 2>/dev/null || true
  if [[ "${KEEP:-0}" != 1 ]]; then rm -rf "$work"; else echo "work directory kept: $work"; fi
}
trap cleanup EXIT

free_port() { "$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# --- the hub ---------------------------------------------------------------------------------------------------
port="$(free_port)"
"$skiff" serve --port "$port" --data "$work/data" >"$work/serve.log" 2>&1 &
hub_pid=$!
for _ in $(seq 1 600); do
  grep -q "serving" "$work/serve.log" 2>/dev/null && break
  kill -0 "$hub_pid" 2>/dev/null || { echo "hub did not start:"; cat "$work/serve.log"; exit 1; }
  sleep 0.5
done
endpoint="http://127.0.0.1:$port"
token="$("$skiff" admin token create --user bench --role write --data "$work/data")"
echo "== hub at $endpoint; uploading a ${size_mib} MiB LFS file"
info="$("$python" "$here/hub/setup_repo.py" "$endpoint" "$token" bench/files $((size_mib << 20)) "$work")"
small_url="$("$python" -c 'import json,sys; print(json.loads(sys.argv[1])["small"])' "$info")"
large_url="$("$python" -c 'import json,sys; print(json.loads(sys.argv[1])["large"])' "$info")"
object="$work/data/$("$python" -c 'import json,sys; print(json.loads(sys.argv[1])["object"])' "$info")"

# --- nginx serving the same file -------------------------------------------------------------------------------
mkdir -p "$work/nginx/logs" "$work/nginx/www"
ln "$object" "$work/nginx/www/large.bin"
nginx_port="$(free_port)"
nginx_conf="$work/nginx/nginx.conf"
cat >"$nginx_conf" <<CONF
$( [[ "$(id -u)" == 0 ]] && echo "user root;" )
worker_processes auto;
error_log $work/nginx/logs/error.log;
pid $work/nginx/nginx.pid;
events { worker_connections 256; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/nginx/www;
  }
}
CONF
nginx -c "$nginx_conf" -p "$work/nginx"
nginx_url="http://127.0.0.1:$nginx_port/large.bin"

# --- 1. HEAD -------------------------------------------------------------------------------------------------
echo "== resolve HEAD: ab -k -i -c$conns, 5 s warm-up, ${head_s} s measured"
ab -k -i -c"$conns" -t 5 -n 100000000 "$small_url" >/dev/null 2>&1
ab -k -i -c"$conns" -t "$head_s" -n 100000000 "$small_url" >"$work/ab.txt" 2>&1
grep -E "Complete requests|Failed requests|Non-2xx|Requests per second|^  (50|90|99|100)%" "$work/ab.txt"
rps="$(awk '/Requests per second/ {print $4}' "$work/ab.txt")"
p99_ms="$(awk '$1 == "99%" {print $2}' "$work/ab.txt")"
errors="$(awk '/Failed requests/ && $3 != 0; /Non-2xx/' "$work/ab.txt")"
echo "== resolve GET of the same file: wrk -t$wrk_threads -c$conns, ${head_s} s"
wrk -t"$wrk_threads" -c"$conns" -d"${head_s}s" --latency "$small_url" >"$work/wrk.txt"
grep -E "Requests/sec|^ +(50|90|99)%|Non-2xx|Socket errors" "$work/wrk.txt"
wrk_rps="$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")"
wrk_p99="$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")"
wrk_p99_ms="$("$python" -c '
import sys, re
v = sys.argv[1]; m = re.fullmatch(r"([0-9.]+)(us|ms|s)", v)
print(float(m[1]) * {"us": 0.001, "ms": 1, "s": 1000}[m[2]])' "$wrk_p99")"

# --- 2. GET -------------------------------------------------------------------------------------------------
measure() { # url -> one speed (bytes/s) per line
  for _ in $(seq 1 "$runs"); do
    curl -s -o /dev/null -w '%{speed_download}\n' "$1"
  done
}
echo "== GET ${size_mib} MiB: $runs runs each, curl to /dev/null"
curl -s -o /dev/null "$large_url"   # warm the page cache and the JIT
hub_speeds="$(measure "$large_url")"
nginx_speeds="$(measure "$nginx_url")"

"$python" - "$rps" "$p99_ms" "$hub_speeds" "$nginx_speeds" "$size_mib" "$errors" "$wrk_rps" "$wrk_p99_ms" <<'PY'
import statistics, sys
rps, p99, hub, ngx, size, errors = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]
wrk_rps, wrk_p99 = float(sys.argv[7]), float(sys.argv[8])
hub = [float(x) / 2**30 for x in hub.split()]
ngx = [float(x) / 2**30 for x in ngx.split()]
ok = lambda b: "PASS" if b else "MISS"
print()
print(f"{'measure':<34}{'value':>14}  target")
print(f"{'resolve HEAD requests/s':<34}{rps:>14,.0f}  >= 5000       {ok(rps >= 5000)}")
print(f"{'resolve HEAD p99 (ms)':<34}{p99:>14.2f}  < 10          {ok(p99 < 10)}")
if errors.strip():
    print(f"  ab: {errors.strip()}")
print(f"{'resolve GET (7 B) requests/s, wrk':<34}{wrk_rps:>14,.0f}")
print(f"{'resolve GET (7 B) p99 (ms), wrk':<34}{wrk_p99:>14.2f}")
print(f"{'GET ' + size + ' MiB hub GiB/s (best/med)':<34}{max(hub):>7.2f}/{statistics.median(hub):<6.2f}")
print(f"{'GET ' + size + ' MiB nginx GiB/s (best/med)':<34}{max(ngx):>7.2f}/{statistics.median(ngx):<6.2f}")
ratio = statistics.median(hub) / statistics.median(ngx)
print(f"{'hub / nginx (medians)':<34}{ratio:>14.0%}  >= 80%        {ok(ratio >= 0.8)}")
PY
