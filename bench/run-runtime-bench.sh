#!/usr/bin/env bash
# Skiff runtime benchmark: scikit-learn predict vs Skiff (skiff bench) on LogisticRegression, RandomForest(100),
# GradientBoosting(100), HistGradientBoosting(100) and a ColumnTransformer pipeline: single-row latency and
# 10,000-row batch throughput, with one thread on both sides and with their defaults. See bench/README.md.
# A benchmark, not a test: it exits 0 once it has printed its table (PASS/MISS is for a human to read).
#
# Environment (all optional):
#   SKIFF_TARGET   build directory name, as -Dskiff.target (default: target)
#   SKIFF_CP       class path of an already built skiff CLI: skips the build (e.g. to time another checkout)
#   JAVA_HOME      JDK 21+ (default: the newest on this machine, scripts/pick-jdk.sh)
#   PYTHON         interpreter with scikit-learn + skops (default: <repo>/.venv/bin/python)
#   SECONDS_PER_PHASE  measuring time per phase and side (default 3; each phase gets a third as warm-up in
#                  Python and as much again in the JVM)
#   THREADS        "1", "default" or "1,default" (default)
#   MODELS         comma-separated subset of LR,RF,GB,HGB,PIPE (default: all)
#   JVM_OPTS       options of the timing JVMs (default: -Xms1g -Xmx2g)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
target="${SKIFF_TARGET:-target}"
export JAVA_HOME="${JAVA_HOME:-$("$repo/scripts/pick-jdk.sh")}"
python="${PYTHON:-$repo/.venv/bin/python}"
[ -x "$python" ] || "$repo/scripts/ensure-venv.sh"

cp="${SKIFF_CP:-}"
if [ -z "$cp" ]; then
  echo "== building the CLI into skiff-cli/$target" >&2
  mvn_args=(-q -B -ntp -DskipTests "-Dskiff.target=$target" -pl skiff-cli -am package)
  # offline first (fast, no network); online if something is missing locally
  (cd "$repo" && { mvn -o "${mvn_args[@]}" 2>/dev/null || mvn "${mvn_args[@]}"; })
  cp="$repo/skiff-cli/$target/skiff-cli.jar:$repo/skiff-cli/$target/lib/*"
fi

work="$here/$target/runtime-bench"
exec "$python" "$here/runtime_bench.py" --java "$JAVA_HOME/bin/java" --cp "$cp" --work "$work" \
  --seconds "${SECONDS_PER_PHASE:-3}" --threads "${THREADS:-1,default}" --models "${MODELS:-LR,RF,GB,HGB,PIPE}" \
  --jvm-opts "${JVM_OPTS:--Xms1g -Xmx2g}" --results "$here/results/runtime-$(date +%Y-%m-%d).json"
