#!/usr/bin/env bash
# Payara Server: a fresh domain that runs the WAR at / on the given HTTP port, in the foreground.
#   scripts/servers/payara-server.sh <war> <http-port>
# The server comes from Maven Central (pom.xml, payara.version) into target/payara-server/ on
# first use. The domain (target/servers/payara-server/clean-users) is made anew at each start,
# its ports from a base 80 below the HTTP port (asadmin create-domain --portbase). What the
# service needs of the domain beyond the WAR is one file,
# src/main/servers/payara-server/pre-boot-commands.asadmin. The environment reaches the
# domain's JVM, so the service is configured as on any other server; JAVA_OPTS, when set,
# replaces the domain's heap option (-Xmx512m) with its own options (e.g. JAVA_OPTS=-Xmx256m).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
WAR=$1
PORT=$2
ASADMIN=$ROOT/target/payara-server/payara6/bin/asadmin
DOMAINS=$ROOT/target/servers/payara-server
DOMAIN=clean-users
if [[ -n ${JAVA_HOME:-} ]]; then export AS_JAVA=$JAVA_HOME; fi

if [[ ! -x $ASADMIN ]]; then
  (cd "$ROOT" && ./mvnw -q dependency:unpack@fetch-payara-server -Dmdep.overWriteReleases=true)
fi
rm -rf "${DOMAINS:?}/$DOMAIN"
mkdir -p "$DOMAINS"
"$ASADMIN" --interactive=false create-domain --domaindir "$DOMAINS" --nopassword \
  --portbase $((PORT - 80)) "$DOMAIN" >/dev/null
if [[ -n ${JAVA_OPTS:-} ]]; then
  read -ra java_options <<<"$JAVA_OPTS"
  elements=$(printf '<jvm-options>%s</jvm-options>' "${java_options[@]}")
  # The first occurrence is the server's own configuration (server-config).
  sed -i "0,/<jvm-options>-Xmx512m<\/jvm-options>/s||${elements//|/\\|}|" "$DOMAINS/$DOMAIN/config/domain.xml"
fi
echo "deploy --contextroot / --name clean-users $WAR" >"$DOMAINS/$DOMAIN/post-boot-commands.asadmin"

exec "$ASADMIN" --interactive=false start-domain --verbose --domaindir "$DOMAINS" \
  --prebootcommandfile "$ROOT/src/main/servers/payara-server/pre-boot-commands.asadmin" \
  --postbootcommandfile "$DOMAINS/$DOMAIN/post-boot-commands.asadmin" "$DOMAIN"
