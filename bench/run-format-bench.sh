#!/usr/bin/env bash
# Skiff format benchmark: Python skops load vs Skiff read+audit, and repack sizes. See bench/README.md.
# A benchmark, not a test: it always exits 0 once it has produced its table (PASS/MISS is informational).
#
# Environment (all optional):
#   SKIFF_TARGET   build directory name, as -Dskiff.target (default: target)
#   JAVA_HOME      JDK 21+ (default: $JAVA_HOME, else /usr/lib/jvm/temurin-25-jdk-amd64 if present)
#   PYTHON         interpreter with skops + scikit-learn (default: <repo>/.venv/bin/python)
#   PY_SECONDS     Python timing budget per model (default 2)
#   WARMUP_MS      Java warm-up per file (default 2000)
#   MEASURE_MS     Java measuring time per file and operation (default 2000)
#   PHASES_MS      Java time per phase of the breakdown, 0 to skip (default 400)
#   JAVA_OPTS      extra JVM options (default: -Xms1g -Xmx1g)
# Options:
#   --rebuild      build the bench module even if its jar looks current
#   --profile      also record a JFR profile of the Java run and print its hot methods
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
target="${SKIFF_TARGET:-target}"
rebuild=0
profile=0
for a in "$@"; do
  case "$a" in
    --rebuild) rebuild=1 ;;
    --profile) profile=1 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown option: $a" >&2; exit 2 ;;
  esac
done

if [[ -z "${JAVA_HOME:-}" && -d /usr/lib/jvm/temurin-25-jdk-amd64 ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
python="${PYTHON:-$repo/.venv/bin/python}"
build="$here/$target"
jar="$build/skiff-bench.jar"
work="$build/format-bench"
results="$here/results/format-$(date +%Y-%m-%d).json"

# 1. Build if needed: no jar, or any source/pom of skiff-format or bench newer than it.
if [[ $rebuild == 1 || ! -f "$jar" || ! -d "$build/lib" ]] \
   || [[ -n "$(find "$repo/pom.xml" "$repo/skiff-format/pom.xml" "$repo/skiff-format/src/main" \
                    "$here/pom.xml" "$here/src/main" -newer "$jar" -type f -print -quit 2>/dev/null)" ]]; then
  echo "== building skiff-bench (-Dskiff.target=$target)" >&2
  mvn_args=(-q -B "-Dskiff.target=$target" -pl bench -am package -DskipTests)
  # Offline first (fast, no network); fall back to an online build if something is missing locally.
  (cd "$repo" && { mvn -o "${mvn_args[@]}" || mvn "${mvn_args[@]}"; })
fi

rm -rf "$work"
mkdir -p "$work"
cat > "$work/meta.json" <<EOF
{"machine": {"cpu": "$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//;s/"/\\"/g')"},
 "versions": {"java": "$("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.runtime.version/{print $2}')"},
 "settings": {"java_warmup_ms_per_file": ${WARMUP_MS:-2000}, "java_measure_ms_per_file": ${MEASURE_MS:-2000},
              "java_opts": "${JAVA_OPTS:--Xms1g -Xmx1g}"}}
EOF

# Load average at each stage: other work on the machine skews both sides (and the ratio); the report warns.
stage() { echo "$1 $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)" >> "$work/loadavg.txt"; }

# 2. Python: fit, dump (stored and deflate-9), time skops.io.load in-process.
stage python-start
echo "== python: fit, dump, time skops.io.load" >&2
"$python" "$here/format_bench.py" prepare "$work" --seconds "${PY_SECONDS:-2}"

stage python-end

# 3. Java: warm JVM, time read+audit and load, phase breakdown, repack stored/deflated.
stage java-start
echo "== java: read+audit, load(trusting), phases, repack" >&2
mapfile -t files < "$work/files.txt"
jfr=()
if [[ $profile == 1 ]]; then
  jfr=("-XX:StartFlightRecording=filename=$work/format-bench.jfr,settings=profile")
fi
# shellcheck disable=SC2086
"$java" ${JAVA_OPTS:--Xms1g -Xmx1g} "${jfr[@]}" -cp "$jar:$build/lib/*" dev.skiff.bench.FormatBench \
  --warmup-ms "${WARMUP_MS:-2000}" --measure-ms "${MEASURE_MS:-2000}" --phases-ms "${PHASES_MS:-400}" \
  --repack-dir "$work" --out "$work/java.jsonl" "${files[@]}" > /dev/null

stage java-end

# 4. Table, targets, sanity checks, results JSON.
"$python" "$here/format_bench.py" report "$work" --results "$results"

if [[ $profile == 1 ]]; then
  echo
  echo "== JFR hot methods (whole Java run, incl. warm-up): $work/format-bench.jfr"
  "${JAVA_HOME:+$JAVA_HOME/bin/}jfr" view --width 160 hot-methods "$work/format-bench.jfr" || true
  "${JAVA_HOME:+$JAVA_HOME/bin/}jfr" view --width 160 allocation-by-class "$work/format-bench.jfr" || true
fi
exit 0
