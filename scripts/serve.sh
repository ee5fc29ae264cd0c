#!/usr/bin/env bash
# Runs target/clean-users.war on one of the supported servers, in the foreground, on one HTTP
# port, and says when it serves; `make run SERVER=...` and the integration tests start the
# service this way.
#
#   scripts/serve.sh <payara-micro|payara-server|wildfly|liberty> <http-port>
#
# The service's configuration reaches the server's JVM unchanged through the environment
# (POSTGRES_*, SECURITY_*, APP_CONFIG, ...); see the README. The server itself comes from Maven
# Central into target/servers/ on first use (scripts/servers/<server>.sh, which also holds what
# that server needs beyond the WAR).
#
# A server keeps running when the WAR fails to deploy (and some even say "ready"), so this
# waits for GET /api/v1/ to answer 200: when the server says it has started and the route still
# does not answer, or after SERVE_TIMEOUT seconds (default 300), it stops the server and exits 1;
# the reason is the "cannot start" or "Invalid configuration" line above. Ctrl-C or SIGTERM stop
# the server gracefully (requests in flight finish) and end the script.
set -euo pipefail

LIB_PREFIX=clean-users
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SERVER=${1:?usage: scripts/serve.sh <server> <http-port>}
PORT=${2:?usage: scripts/serve.sh <server> <http-port>}
WAR=$ROOT/target/clean-users.war
LAUNCHER=$ROOT/scripts/servers/$SERVER.sh
TIMEOUT=${SERVE_TIMEOUT:-300}

# A server runs its JVM in a directory of its own: point the service at the checkout's file.
if [[ -z ${APP_CONFIG:-} && -f $ROOT/config.toml ]]; then export APP_CONFIG=$ROOT/config.toml; fi

[[ -x $LAUNCHER ]] || die "unknown server '$SERVER' (payara-micro, payara-server, wildfly or liberty)"
[[ -f $WAR ]] || die "no $WAR: build it first (make build)"

# The line each server prints once it has tried to deploy the WAR, whatever the outcome.
case $SERVER in
payara-micro) started='ready in' ;;
payara-server) started='clean-users was successfully deployed|Command deploy failed|Exception while loading the app' ;;
wildfly) started='WFLYSRV0025|WFLYSRV0026' ;;
liberty) started='CWWKZ0001I|CWWKZ0002E|CWWKZ0004E|CWWKF0011I' ;;
esac

log=$(mktemp -t clean-users-serve.XXXXXX)
on_exit rm -f "$log"
# Shown here as well as kept in $log, which wait_for_http searches for the line above.
start_server "$SERVER" "$PORT" >(tee -a "$log")
pid=$SERVER_PID
trap 'stop_server "$pid"; exit 0' INT TERM

waited=0
wait_for_http "http://127.0.0.1:$PORT/api/v1/" "$TIMEOUT" "$pid" "$log" "$started" || waited=$?
case $waited in
1)
  stop_server "$pid"
  die "$SERVER did not serve GET /api/v1/ within $TIMEOUT s. Stopped."
  ;;
2)
  wait "$pid" || exit $?
  exit 1
  ;;
3)
  stop_server "$pid"
  die "the WAR did not deploy on $SERVER (GET /api/v1/ answered $HTTP_STATUS); the reason is" \
    "the 'cannot start' or 'Invalid configuration' line above. Stopped."
  ;;
esac
echo "clean-users: serving on http://localhost:$PORT/ with $SERVER (docs at /docs/, Ctrl-C stops)"
wait "$pid"
