#!/usr/bin/env bash
# Start-up time and resident memory of the service on each supported server (the README's
# table): for each server, scripts/serve.sh on a free port against a throwaway PostgreSQL, the
# seconds from launch to the first 200 of GET /api/v1/, and the resident memory of the server's
# JVMs (ps, summed over the java processes the launcher started) right then; then the server is
# stopped.
#   scripts/footprint.sh [server ...]     default: all four
# Run it alone on the machine: start-up time is CPU-bound. The WAR must be built (make build).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=$ROOT/target/footprint-db
cd "$ROOT"
servers=("$@")
((${#servers[@]})) || servers=(payara-micro payara-server wildfly liberty)

CLEAN_USERS_DATA=$DATA scripts/postgres.sh own >/dev/null
trap 'CLEAN_USERS_DATA=$DATA scripts/postgres.sh stop >/dev/null' EXIT
set -a
# shellcheck source=/dev/null
. "$DATA/postgres.env"
set +a

# Every process below $1, one pid a line.
descendants() {
  local child
  for child in $(pgrep -P "$1"); do
    echo "$child"
    descendants "$child"
  done
}

echo "| server | start-up to first 200 | resident memory |"
echo "|---|---|---|"
for server in "${servers[@]}"; do
  port=$((20000 + RANDOM % 10000))
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  started=$(date +%s%N)
  setsid scripts/serve.sh "$server" "$port" >"target/footprint-$server.log" 2>&1 &
  pid=$!
  until [[ $(curl -s -o /dev/null -m 2 -w '%{http_code}' "http://127.0.0.1:$port/api/v1/" || true) == 200 ]]; do
    kill -0 "$pid" 2>/dev/null || { echo "$server did not start; see target/footprint-$server.log" >&2; exit 1; }
    sleep 0.2
  done
  seconds=$((($(date +%s%N) - started) / 100000000))
  rss=$(descendants "$pid" | xargs ps -o rss=,comm= -p | awk '$2 == "java" { kb += $1 } END { print kb }')
  printf '| %s | %d.%d s | %d MiB |\n' "$server" $((seconds / 10)) $((seconds % 10)) $((rss / 1024))
  kill -TERM -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
done
