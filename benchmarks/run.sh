#!/usr/bin/env bash
# Builds the library and the benchmarks, runs JMH, and writes
#   benchmarks/results/<UTC date and time>.json   JMH's raw results
#   benchmarks/results/latest.md                  a markdown table of them, with ratios within the run
# Extra arguments go to JMH, e.g. `benchmarks/run.sh VerifierBenchmark` runs one class
# (latest.md then holds only that subset). MVN_FLAGS adds Maven flags, e.g. MVN_FLAGS=-o offline.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
mvn_flags=(-B -q ${MVN_FLAGS:-})

echo "== building and installing the library (tests skipped)"
(cd "$root" && mvn "${mvn_flags[@]}" install -DskipTests)
echo "== building benchmarks/target/benchmarks.jar"
(cd "$here" && mvn "${mvn_flags[@]}" package)

mkdir -p "$here/results"
stamp="$(date -u +%Y-%m-%dT%H%M%SZ)"
json="benchmarks/results/$stamp.json"
machine="$(mktemp)"
trap 'rm -f "$machine"' EXIT
{
  echo "date (UTC):   $(date -u '+%Y-%m-%d %H:%M')"
  echo "nproc:        $(nproc)"
  echo "CPU:          $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory:       $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  java -version 2>&1 | sed 's/^/java:         /'
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$machine"

echo "== running JMH (results in $json)"
cd "$root"
java -jar benchmarks/target/benchmarks.jar -rf json -rff "$json" "$@"

echo "load average at end:   $(cut -d' ' -f1-3 /proc/loadavg)" >> "$machine"
python3 "$here/summarize.py" "$json" "$machine" > "$here/results/latest.md"
echo "== summary written to benchmarks/results/latest.md"
cat "$here/results/latest.md"
