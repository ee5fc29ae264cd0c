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
# The file's JVM options are written into the new domain before it starts (see below).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
WAR=$1
PORT=$2
ASADMIN=$ROOT/target/payara-server/payara6/bin/asadmin
DOMAINS=$ROOT/target/servers/payara-server
DOMAIN=clean-users
PRE_BOOT=$ROOT/src/main/servers/payara-server/pre-boot-commands.asadmin
if [[ -n ${JAVA_HOME:-} ]]; then export AS_JAVA=$JAVA_HOME; fi

if [[ ! -x $ASADMIN ]]; then
  (cd "$ROOT" && ./mvnw -q dependency:unpack@fetch-payara-server -Dmdep.overWriteReleases=true)
fi
rm -rf "${DOMAINS:?}/$DOMAIN"
mkdir -p "$DOMAINS"
"$ASADMIN" --interactive=false create-domain --domaindir "$DOMAINS" --nopassword \
  --portbase $((PORT - 80)) "$DOMAIN" >/dev/null
# A pre-boot command runs inside the domain's JVM, too late to change that JVM's options. So the
# file's create-jvm-options lines go straight into the fresh domain.xml, and the rest of the file
# runs before boot. The first -Xmx512m is the server's own configuration (server-config).
read -ra java_options <<<"${JAVA_OPTS:--Xmx512m}"
if grep '^create-jvm-options' "$PRE_BOOT" | grep -qv '^create-jvm-options -- [^ ]*$'; then
  die "$PRE_BOOT: write each JVM option as 'create-jvm-options -- <one option>'"
fi
mapfile -t service_options < <(sed -n 's/^create-jvm-options -- //p' "$PRE_BOOT" | sed 's/\\:/:/g')
elements=$(printf '<jvm-options>%s</jvm-options>' "${service_options[@]}" "${java_options[@]}")
sed -i "0,/<jvm-options>-Xmx512m<\/jvm-options>/s||${elements//|/\\|}|" "$DOMAINS/$DOMAIN/config/domain.xml"
grep -v '^create-jvm-options' "$PRE_BOOT" >"$DOMAINS/$DOMAIN/pre-boot-commands.asadmin"
echo "deploy --contextroot / --name clean-users $WAR" >"$DOMAINS/$DOMAIN/post-boot-commands.asadmin"

exec "$ASADMIN" --interactive=false start-domain --verbose --domaindir "$DOMAINS" \
  --prebootcommandfile "$DOMAINS/$DOMAIN/pre-boot-commands.asadmin" \
  --postbootcommandfile "$DOMAINS/$DOMAIN/post-boot-commands.asadmin" "$DOMAIN"
