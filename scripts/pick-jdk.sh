#!/usr/bin/env bash
# Prints the JAVA_HOME of the newest JDK on this machine (>= 21 wanted; 17 is the fallback and says so).
# Source-able: `export JAVA_HOME=$(scripts/pick-jdk.sh)`.
set -euo pipefail
best=""; best_ver=0
candidates=()
[ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
for d in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do [ -d "$d" ] && candidates+=("$d"); done
for d in "${candidates[@]}"; do
  [ -x "$d/bin/javac" ] || continue
  v=$("$d/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1)
  v=${v%%.*}
  [[ "$v" =~ ^[0-9]+$ ]] || continue
  if [ "$v" -gt "$best_ver" ]; then best="$d"; best_ver="$v"; fi
done
if [ -z "$best" ]; then echo "pick-jdk: no JDK found (install one, e.g. apt-get install openjdk-17-jdk-headless)" >&2; exit 1; fi
if [ "$best_ver" -lt 21 ]; then echo "pick-jdk: no JDK >= 21 here; falling back to $best_ver at $best" >&2; fi
echo "$best"
