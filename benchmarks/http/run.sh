#!/usr/bin/env bash
# The filter over HTTP: wrk against one small servlet mapped behind the filter (/app/api/hello, with valid
# tokens cycling through $TOKEN_COUNT distinct ones) and outside it (/app/open/hello), in embedded Jetty 12 and
# Tomcat 11, alternating the two paths in the same server so that both see the same machine load. Writes
#   benchmarks/results/http/<UTC date and time>.md   the requests per second of every round and the ratios
# Settings (environment): CONTAINERS ("jetty tomcat"), ALGORITHMS ("HS256 ES256"), ROUNDS (3), DURATION (10s),
# CONNECTIONS (32), THREADS (2), TOKEN_COUNT (1000), CACHE_SIZE (10000; 0 = the cache off), MVN_FLAGS.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
bench="$(dirname "$here")"
root="$(dirname "$bench")"
command -v wrk >/dev/null || { echo "wrk is not installed (Debian: apt-get install wrk)" >&2; exit 1; }

echo "== building the library and benchmarks/target/benchmarks.jar"
(cd "$root" && mvn -B -q ${MVN_FLAGS:-} install -DskipTests)
(cd "$bench" && mvn -B -q ${MVN_FLAGS:-} package)

rounds="${ROUNDS:-3}"; duration="${DURATION:-10s}"; connections="${CONNECTIONS:-32}"; threads="${THREADS:-2}"
port=18080
work="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$bench/results/http"
out="$bench/results/http/$(date -u +%Y-%m-%dT%H%M%SZ).md"

# Requests per second of one wrk run; refuses to report a run in which any answer was not 2xx.
rps() {
  local result
  result="$(TOKENS="$work/tokens.txt" wrk -t"$threads" -c"$connections" -d"$1" -s "$here/tokens.lua" "$2")"
  if grep -q 'Non-2xx' <<<"$result"; then
    echo "non-2xx answers from $2:" >&2; echo "$result" >&2; exit 1
  fi
  awk '/Requests\/sec/ {print $2}' <<<"$result"
}

{
  echo "# The filter over HTTP"
  echo
  echo '```'
  echo "date (UTC): $(date -u '+%Y-%m-%d %H:%M'); nproc: $(nproc); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  java -version 2>&1 | head -1
  echo "wrk -t$threads -c$connections -d$duration, $rounds rounds per path, ${TOKEN_COUNT:-1000} distinct tokens, cache size ${CACHE_SIZE:-10000}"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo '```'
  echo
  echo "| container | algorithm | outside the filter (req/s, each round) | behind the filter (req/s, each round) | ratio of medians |"
  echo "|---|---|---|---|---:|"
} > "$out"

for container in ${CONTAINERS:-jetty tomcat}; do
  for algorithm in ${ALGORITHMS:-HS256 ES256}; do
    java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -cp "$bench/target/benchmarks.jar" org.jwtauth.bench.http.HttpBenchServer \
      "$container" "$algorithm" "$port" "$work/tokens.txt" "${TOKEN_COUNT:-1000}" "${CACHE_SIZE:-10000}" \
      > "$work/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 120); do grep -q '^ready' "$work/server.log" && break; sleep 0.5; done
    grep -q '^ready' "$work/server.log" || { cat "$work/server.log" >&2; exit 1; }
    open="http://127.0.0.1:$port/app/open/hello"; api="http://127.0.0.1:$port/app/api/hello"
    echo "== $container $algorithm: warming up"
    rps 5s "$open" >/dev/null; rps 5s "$api" >/dev/null
    opens=(); apis=()
    for round in $(seq 1 "$rounds"); do
      opens+=("$(rps "$duration" "$open")"); apis+=("$(rps "$duration" "$api")")
      echo "   round $round: outside ${opens[-1]} req/s, behind ${apis[-1]} req/s"
    done
    kill "$server"; wait "$server" 2>/dev/null || true; server=""
    ratio="$(python3 -c 'import statistics,sys; a=[float(x) for x in sys.argv[1].split()]; o=[float(x) for x in sys.argv[2].split()]; print(f"{statistics.median(a)/statistics.median(o):.2f}")' "${apis[*]}" "${opens[*]}")"
    echo "| $container | $algorithm | ${opens[*]} | ${apis[*]} | $ratio |" >> "$out"
  done
done
echo >> "$out"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out"
echo "== written to $out"; cat "$out"
