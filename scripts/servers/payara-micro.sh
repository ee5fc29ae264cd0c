#!/usr/bin/env bash
# Payara Micro: runs the WAR at / on the given HTTP port, in the foreground.
#   scripts/servers/payara-micro.sh <war> <http-port> [payara-micro option...]
# The jar comes from Maven Central (pom.xml, payara.version) into target/payara-micro.jar with
# every build. What the service needs of Payara Micro beyond the WAR is one file,
# src/main/servers/payara-micro/pre-boot-commands.asadmin (see its comments).
# No clustering (the instances share nothing but PostgreSQL), no phoning home; on SIGTERM,
# requests in flight get 10 s to finish.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
read -ra java_options <<<"${JAVA_OPTS:-}" # e.g. JAVA_OPTS=-Xmx256m

exec "$JAVA" "${java_options[@]}" -jar "$ROOT/target/payara-micro.jar" --nocluster --disablephonehome \
  --shutdowngrace 10000 \
  --prebootcommandfile "$ROOT/src/main/servers/payara-micro/pre-boot-commands.asadmin" \
  --deploy "$1" --port "$2" "${@:3}"
