#!/usr/bin/env bash
# WildFly: runs the WAR as ROOT.war on the given HTTP port, in the foreground, with the profile
# standalone-microprofile.xml.
#   scripts/servers/wildfly.sh <war> <http-port>
# WildFly comes from Maven Central (pom.xml, wildfly.version) into target/servers/ on first use
# and is configured once, offline, by src/main/servers/wildfly/configure.cli: what the service
# needs of WildFly beyond the WAR (Micrometer with a Prometheus registry, /health and /metrics
# of the management interface also on the service's port, the contract's 503 while suspended).
# Each run gets a fresh copy of standalone/ (target/servers/wildfly-instance-<port>). The
# management interface listens on 127.0.0.1 on the first free port from 9990
# (WILDFLY_MGMT_PORT to choose). Ctrl-C or SIGTERM suspend the server (requests in flight get
# 10 s) and stop it. The environment reaches the service as its configuration; JAVA_OPTS, when
# set, replaces WildFly's default heap options.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
WAR=$1
HTTP_PORT=$2
VERSION=$(sed -n 's:.*<wildfly.version>\(.*\)</wildfly.version>.*:\1:p' "$ROOT/pom.xml")
HOME_DIR=$ROOT/target/servers/wildfly-$VERSION
CLI=$ROOT/src/main/servers/wildfly/configure.cli
INSTANCE=$ROOT/target/servers/wildfly-instance-$HTTP_PORT
BIND=127.0.0.1
SERVICE_UNAVAILABLE='{"description":"Service temporarily unavailable. Please try again later."}'
METHOD_NOT_ALLOWED='{"description":"Method not allowed."}'

# Unpacked and configured again whenever configure.cli changes.
stamp=$HOME_DIR/.configured-$(sha256sum "$CLI" | cut -c1-16)
if [[ ! -f $stamp ]]; then
  rm -rf "$HOME_DIR"
  (cd "$ROOT" && ./mvnw -q dependency:unpack@fetch-wildfly -Dmdep.overWriteReleases=true)
  chmod +x "$HOME_DIR"/bin/*.sh
  printf '%s' "$METHOD_NOT_ALLOWED" >"$HOME_DIR/standalone/configuration/clean-users-405.json"
  printf '%s' "$SERVICE_UNAVAILABLE" >"$HOME_DIR/standalone/configuration/clean-users-503.json"
  if ! "$HOME_DIR/bin/jboss-cli.sh" --file="$CLI" >"$HOME_DIR/configure.log" 2>&1; then
    cat "$HOME_DIR/configure.log" >&2
    die "$CLI failed"
  fi
  rm -rf "$HOME_DIR"/standalone/{data,tmp,log,configuration/standalone_xml_history}
  touch "$stamp"
fi

mgmt_port=${WILDFLY_MGMT_PORT:-9990}
while [[ $mgmt_port == "$HTTP_PORT" ]] || port_busy "$mgmt_port"; do mgmt_port=$((mgmt_port + 1)); done

rm -rf "$INSTANCE"
cp -r "$HOME_DIR/standalone" "$INSTANCE"
cp "$WAR" "$INSTANCE/deployments/ROOT.war"

# standalone.sh passes INT and TERM on to the JVM only when launched "in the background".
export LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_HOME=$HOME_DIR
exec "$HOME_DIR/bin/standalone.sh" -c standalone-microprofile.xml \
  -Djboss.server.base.dir="$INSTANCE" -b "$BIND" -bmanagement "$BIND" \
  -Djboss.http.port="$HTTP_PORT" -Djboss.management.http.port="$mgmt_port" \
  -Dorg.wildfly.sigterm.suspend.timeout=10
