#!/usr/bin/env bash
# Start-up time and resident memory of the service on each supported server (the README's
# table): for each server, scripts/serve.sh on a free port against a throwaway PostgreSQL, the
# seconds from launch to the first 200 of GET /api/v1/, and the resident memory of the server's
# JVMs (ps, summed over the java processes the launcher started) right then; then the server is
# stopped.
#   scripts/footprint.sh [server ...]     default: all four
# Run it alone on the machine: start-up time is CPU-bound. The WAR must be built (make build).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
DATA=$ROOT/target/footprint-db
cd "$ROOT"
servers=("$@")
((${#servers[@]})) || servers=(payara-micro payara-server wildfly liberty)

db() { CLEAN_USERS_DATA=$DATA scripts/postgres.sh "$@" >/dev/null; }
db own
on_exit db stop
set -a
# shellcheck source=/dev/null
. "$DATA/postgres.env"
set +a

echo "| server | start-up to first 200 | resident memory |"
echo "|---|---|---|"
for server in "${servers[@]}"; do
  port=$(free_port)
  started=$(date +%s%N)
  setsid scripts/serve.sh "$server" "$port" >"target/footprint-$server.log" 2>&1 &
  pid=$!
  # No time limit here: serve.sh gives up itself (SERVE_TIMEOUT) and ends.
  POLL_SECONDS=0.2 wait_for_http "http://127.0.0.1:$port/api/v1/" 0 "$pid" ||
    { echo "$server did not start; see target/footprint-$server.log" >&2; exit 1; }
  seconds=$((($(date +%s%N) - started) / 100000000))
  rss=$(descendants "$pid" | xargs ps -o rss=,comm= -p | awk '$2 == "java" { kb += $1 } END { print kb }')
  printf '| %s | %d.%d s | %d MiB |\n' "$server" $((seconds / 10)) $((seconds % 10)) $((rss / 1024))
  stop_server "$pid"
done
