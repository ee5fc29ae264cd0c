#!/usr/bin/env bash
# Runs the WAR on Payara Micro in the foreground, as `java -jar payara-micro.jar` would, but
# exits non-zero when the deployment failed: Payara Micro itself keeps running (and logs
# "ready") without the application, which hides a bad configuration or an unreachable
# database from whoever started it.
#
# Usage: scripts/run-micro.sh <http-port> <payara-micro argument>...
set -euo pipefail

port=$1
shift
java=${JAVA:-java}
jar=${PAYARA_JAR:-target/payara-micro.jar}
log=$(mktemp -t clean-users-micro.XXXXXX)

"$java" -jar "$jar" "$@" --port "$port" > >(tee "$log") 2>&1 &
pid=$!
# Ctrl-C / SIGTERM go to Payara Micro, which lets requests in flight finish (--shutdowngrace);
# the script ends when Payara Micro has stopped, never leaving it behind.
stop() {
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  exit 0
}
trap stop INT TERM
trap 'rm -f "$log"' EXIT

# Payara Micro prints "ready in" once it has tried to deploy, whether that worked or not.
until grep -q 'ready in' "$log"; do
  if ! kill -0 "$pid" 2>/dev/null; then
    wait "$pid" || exit $?
    exit 1
  fi
  sleep 1
done

status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/" || true)
if [[ $status != 200 ]]; then
  echo "clean-users: the WAR did not deploy (GET /api/v1/ answered $status); the reason is the" \
    "'Invalid configuration' or 'cannot start' line above. Stopping." >&2
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" || true
  exit 1
fi
echo "clean-users: serving on http://localhost:$port/ (docs at /docs/, Ctrl-C stops)"
wait "$pid"
