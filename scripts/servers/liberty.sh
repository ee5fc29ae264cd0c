#!/usr/bin/env bash
# Open Liberty: a server that runs the WAR at / on the given HTTP port, in the foreground.
#   scripts/servers/liberty.sh <war> <http-port>
# Liberty comes from Maven Central (pom.xml, liberty.version) into target/servers/wlp on first
# use. What the service needs of it beyond the WAR is one file,
# src/main/servers/liberty/server.xml. Liberty's JVM inherits the environment, so the service
# is configured as on any other server; JVM_ARGS (e.g. -Xmx256m) reaches the JVM. SIGTERM or
# Ctrl-C stop it cleanly.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
WLP=$ROOT/target/servers/wlp
SERVER_DIR=$WLP/usr/servers/clean-users

if [[ ! -f $WLP/bin/server ]]; then
  (cd "$ROOT" && ./mvnw -q dependency:unpack@fetch-liberty -Dmdep.overWriteReleases=true)
  chmod +x "$WLP"/bin/* "$WLP"/bin/tools/* 2>/dev/null || true
fi
[[ -d $SERVER_DIR ]] || "$WLP/bin/server" create clean-users >/dev/null
cp "$ROOT/src/main/servers/liberty/server.xml" "$SERVER_DIR/server.xml"
mkdir -p "$SERVER_DIR/apps"
rm -rf "$SERVER_DIR/apps/expanded" # an earlier WAR, unpacked
cp "$1" "$SERVER_DIR/apps/clean-users.war"

export HTTP_PORT=$2 APP_WAR=clean-users.war
exec "$WLP/bin/server" run clean-users
