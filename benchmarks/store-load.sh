#!/usr/bin/env bash
# The store benchmarks: refresh and login with 8 concurrent clients on H2, PostgreSQL and MariaDB, with the pool
# and without it (alternated in one run), then refresh latency without and during the cleanup of 1,000,000
# expired rows on PostgreSQL. Writes
#   benchmarks/results/store-<UTC date and time>.md   the report of this run, with the machine and its load
#   benchmarks/results/store-latest.md                a copy of it
# Needs the servers the tests use (PostgreSQL on 127.0.0.1:5432 user postgres, MariaDB on 127.0.0.1:3306 user
# root; JWTAUTH_BENCH_POSTGRESQL_URL/_USER/_PASSWORD and JWTAUTH_BENCH_MARIADB_* point elsewhere); each run
# creates and drops its own schema or database. Extra arguments go to StoreBenchmarks, e.g.
#   benchmarks/store-load.sh databases=postgresql cleanupDatabases= measure=PT5S
# MVN_FLAGS adds Maven flags (MVN_FLAGS=-o offline); SKIP_BUILD=1 reuses benchmarks/target/benchmarks.jar.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
mvn_flags=(-B -q ${MVN_FLAGS:-})

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "== building and installing the library (tests skipped)"
  (cd "$root" && mvn "${mvn_flags[@]}" install -DskipTests)
  echo "== building benchmarks/target/benchmarks.jar"
  (cd "$here" && mvn "${mvn_flags[@]}" package)
fi

mkdir -p "$here/results"
stamp="$(date -u +%Y-%m-%dT%H%M%SZ)"
report="$here/results/store-$stamp.md"
body="$(mktemp)"
trap 'rm -f "$body"' EXIT
start_load="$(cut -d' ' -f1-3 /proc/loadavg)"
# A fixed heap, touched up front, as the JMH forks have it: no heap growth or page faults inside a measurement.
java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp "$here/target/benchmarks.jar" org.jwtauth.store.StoreBenchmarks "$body" "$@"
{
  echo "# Store benchmarks, $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo '```'
  echo "nproc:        $(nproc)"
  echo "CPU:          $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory:       $(free -g | awk '/^Mem:/ {print $2 " GiB"}')"
  java -version 2>&1 | head -1 | sed 's/^/java:         /'
  echo "load average at start: $start_load"
  echo "load average at end:   $(cut -d' ' -f1-3 /proc/loadavg)"
  echo '```'
  echo
  cat "$body"
} > "$report"
cp "$report" "$here/results/store-latest.md"
echo "== report written to $report"
cat "$report"
