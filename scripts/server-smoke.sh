#!/usr/bin/env bash
# `make server-smoke`: proves that the WAR deploys onto an existing Payara Server the way the
# README's "An existing Payara Server" section tells an ops team to do it, and then serves.
#
#   1. builds target/clean-users.war if missing, and unpacks Payara Server (the version of
#      pom.xml, from Maven Central) into target/payara-server/payara6 if missing;
#   2. starts a PostgreSQL of its own on a free port (scripts/postgres.sh own; TEST_DATABASE_URL
#      names another), never the configured one;
#   3. (re)creates a dedicated domain on free ports, configures the service from the server's
#      environment (JVM options holding the [postgres] settings that the Makefile uses, the
#      password through a password alias), turns off the Server / X-Powered-By banners,
#      restarts the domain and deploys the WAR at /;
#   4. checks GET /api/v1/, /health/ready and the banners, signs a random user up and logs it in;
#   5. second pass, a server-managed pool (README, "A server-managed JDBC pool"): undeploys,
#      adds the PostgreSQL driver to the domain (add-library), creates a JDBC connection pool
#      and the resource jdbc/cleanusers on it, sets -Dpostgres.DATASOURCE=jdbc/cleanusers and
#      -Dpostgres.HOST=nowhere.invalid (so the WAR's own pool could not connect), restarts,
#      deploys again and repeats the checks of step 4, plus one that the server pool's
#      connections (application_name clean-users-server-pool) reach PostgreSQL;
#      SMOKE_SERVER_POOL=0 skips this pass;
#   6. always stops the domain, and the database when step 2 started one, even on failure.
#
# One line per step and per check; the exit status is non-zero when any of them failed.
# SMOKE_PORTBASE=<n> forces the port base (the domain uses n+9 .. n+86); by default the first
# free one from a base derived from the checkout's path is taken. The domain stays on disk
# (stopped) after the run so that its logs can be read; the next run replaces it.
set -euo pipefail

# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROOT=$(cd "$ROOT" && pwd -P) # as the JVM sees it (domain_pids)
cd "$ROOT"

WAR=target/clean-users.war
PAYARA_HOME=target/payara-server/payara6
ASADMIN=$PAYARA_HOME/bin/asadmin
DOMAIN=clean-users-smoke
DOMAIN_DIR=$PAYARA_HOME/glassfish/domains/$DOMAIN
SERVER_LOG=$DOMAIN_DIR/logs/server.log
DB_DATA=$ROOT/target/smoke-db # the run's own PostgreSQL (scripts/postgres.sh, CLEAN_USERS_DATA)
DB() { CLEAN_USERS_DATA=$DB_DATA scripts/postgres.sh "$@"; }
DB_PASSWORD_ALIAS=cleanusers-db-password
POOL_NAME=cleanusers-pool
POOL_RESOURCE=jdbc/cleanusers
POOL_APPLICATION_NAME=clean-users-server-pool # PostgreSQL's application_name for its connections
LIB_DIR=target/server-lib # the PostgreSQL driver jar that add-library installs
ENV_LINE="^[A-Z][A-Z0-9_]*='[^']*'\$"
# asadmin, and the server it starts, use the java of AS_JAVA, else the one on PATH; like the
# Makefile, prefer $JAVA_HOME's when it is set.
if [[ -z ${AS_JAVA:-} && -n ${JAVA_HOME:-} ]]; then export AS_JAVA=$JAVA_HOME; fi

# Offsets from the port base that `asadmin create-domain --portbase` assigns (debugger, IIOP x3,
# admin, Hazelcast DAS and start, OSGi shell, JMS, HTTP, HTTPS, JMX): all must be free.
PORT_OFFSETS=(9 37 38 39 48 49 59 66 76 80 81 86)

WORK=$(mktemp -d) # curl's responses and the asadmin output of the current step
on_exit rm -rf "$WORK"
FAILURES=0
DB_STARTED=false
START=$SECONDS

# --- Steps ------------------------------------------------------------------------------------

# Runs one step quietly; prints "ok <what> (Ns)", or its output and the server log's tail and
# exits (the EXIT trap then cleans up).
step() {
  local what=$1 started=$SECONDS
  shift
  if "$@" >"$WORK/step.log" 2>&1; then
    say "ok    $what ($((SECONDS - started))s)"
  else
    say "FAIL  $what ($((SECONDS - started))s):"
    sed 's/^/    /' "$WORK/step.log" >&2
    show_server_log
    exit 1
  fi
}

# asadmin without prompts (a prompt would hang CI), talking to our domain's admin port.
# Remote commands get a hard time limit: asadmin has none of its own for them.
asadmin_local() { "$ASADMIN" --interactive=false "$@"; }
asadmin_remote() { timeout 300 "$ASADMIN" --interactive=false --host localhost --port "$ADMIN_PORT" "$@"; }

show_server_log() {
  if [[ -f $SERVER_LOG ]]; then
    say "last lines of $SERVER_LOG:" >&2
    tail -n 40 "$SERVER_LOG" | sed 's/^/    /' >&2
  fi
}

build_war() { ./mvnw -q package -DskipTests; }

# The zip is unpacked by a maven-dependency-plugin execution of pom.xml, so its version is the
# pom's ${payara.version} and Maven's repository caches the download.
install_payara() { ./mvnw -q dependency:unpack@fetch-payara-server; }

# Sets POSTGRES_HOST, POSTGRES_PORT, ... exactly as the Makefile sees them: config.toml (or
# APP_CONFIG) with environment overrides, validated by the service's own loader.
load_config() {
  local out
  out=$(./mvnw -q compile exec:java -Dexec.args=dotenv) || return 1
  eval "$(grep -E "$ENV_LINE" <<<"$out")"
  [[ -n ${POSTGRES_HOST:-} ]] || { echo "the dotenv command printed no configuration"; return 1; }
}

# The run's own database; its settings replace the configured ones (POSTGRES_HOST, ...).
own_db() {
  DB_STARTED=true # `stop` stops only what `own` started, so it is always safe
  DB own
  set -a
  # shellcheck source=/dev/null
  . "$DB_DATA/postgres.env"
  set +a
}

portbase_free() {
  local offset
  for offset in "${PORT_OFFSETS[@]}"; do
    if port_busy $(($1 + offset)); then return 1; fi
  done
}

# Ports 20000-29999 stay clear of the defaults other servers use (8080, 4848, ...) and of Linux's
# ephemeral range (32768+). Starting from the checkout's checksum keeps two checkouts apart.
pick_portbase() {
  if [[ -n ${SMOKE_PORTBASE:-} ]]; then
    PORTBASE=$SMOKE_PORTBASE
    portbase_free "$PORTBASE" || { echo "a port of base $PORTBASE is in use"; return 1; }
  else
    local first i
    first=$(($(cksum <<<"$ROOT" | cut -d' ' -f1) % 100))
    for ((i = 0; i < 100; i++)); do
      PORTBASE=$((20000 + (first + i) % 100 * 100))
      portbase_free "$PORTBASE" && break
    done
    portbase_free "$PORTBASE" || { echo "no free port base in 20000-29900"; return 1; }
  fi
  ADMIN_PORT=$((PORTBASE + 48))
  HTTP_PORT=$((PORTBASE + 80))
  BASE_URL=http://localhost:$HTTP_PORT
}

# A leftover domain (a run that was killed before its trap ran) may still be running on its old
# ports: stop it, then delete it, so that every run starts from a fresh, known configuration
# (create-jvm-options refuses duplicates, and old options must not leak into this run).
remove_old_domain() {
  [[ -d $DOMAIN_DIR ]] || return 0
  stop_domain
  asadmin_local delete-domain "$DOMAIN"
}

# Pids of the JVMs that run our domain: their -Dcom.sun.aas.instanceRoot argument is exactly our
# domain directory, a path inside this checkout, so no one else's server can match. (The pattern
# goes through a file descriptor: on grep's own command line it would match grep itself.)
domain_pids() {
  local want="-Dcom.sun.aas.instanceRoot=$ROOT/$DOMAIN_DIR"
  grep -lxzF -f <(printf '%s\n' "$want") /proc/[0-9]*/cmdline 2>/dev/null |
    sed -e 's#^/proc/##' -e 's#/cmdline$##' || true
}

# Stops the domain if it runs: politely, else by asadmin's kill. A JVM whose startup failed (a
# port clash) neither answers nor exits, and asadmin then believes there is nothing to stop:
# such a JVM is found by domain_pids and terminated.
stop_domain() {
  [[ -d $DOMAIN_DIR ]] || return 0
  asadmin_local stop-domain --timeout 60 "$DOMAIN" || asadmin_local stop-domain --kill=true "$DOMAIN" || true
  local pids i
  mapfile -t pids < <(domain_pids)
  ((${#pids[@]})) || return 0
  echo "terminating the domain's JVM that asadmin did not stop: ${pids[*]}"
  kill "${pids[@]}" 2>/dev/null || true
  for ((i = 0; i < 20; i++)); do
    [[ -n $(domain_pids) ]] || return 0
    sleep 0.5
  done
  kill -9 "${pids[@]}" 2>/dev/null || true
  sleep 1
  [[ -z $(domain_pids) ]]
}

create_domain() { asadmin_local create-domain --nopassword --portbase "$PORTBASE" "$DOMAIN"; }
start_domain() { watch_start start-domain --timeout 120 "$DOMAIN"; }
restart_domain() { watch_start restart-domain --timeout 120 "$DOMAIN"; }

# Runs asadmin start-domain / restart-domain, but gives up as soon as the server logs that it
# failed to start (a port clash, say): asadmin itself would wait for its whole timeout, since
# such a JVM stays alive without ever answering. stop_domain then terminates that JVM.
watch_start() {
  local seen=0 pid
  if [[ -f $SERVER_LOG ]]; then seen=$(wc -l <"$SERVER_LOG"); fi
  asadmin_local "$@" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    if tail -n +$((seen + 1)) "$SERVER_LOG" 2>/dev/null | grep -q 'Failed to start, exiting'; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" || true
      echo; echo "the server logged 'Failed to start, exiting' (see its log below)"
      return 1
    fi
    sleep 1
  done
  wait "$pid"
}

# The database password goes into the domain's password-alias store (encrypted, asadmin reads
# it from a 0600 file), not into domain.xml nor the server's command line: see configure_service.
store_db_password() {
  local file=$WORK/alias-password
  (umask 077 && printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$POSTGRES_PASSWORD" >"$file")
  asadmin_remote --passwordfile "$file" create-password-alias "$DB_PASSWORD_ALIAS"
  local status=$?
  rm -f "$file"
  return $status
}

# The service reads system properties ahead of everything else (README, Configuration); the
# server's JVM options are the ops team's place for them. Payara resolves ${ALIAS=...} when it
# sets the property at startup, so the service sees the password itself. asadmin separates
# options with ':', so a ':' inside a value (an IPv6 host) is escaped as '\:'.
configure_service() {
  local name value options=()
  for name in HOST PORT DB USER; do
    value=POSTGRES_$name
    value=${!value}
    options+=("-Dpostgres.$name=${value//:/\\:}")
  done
  options+=("-Dpostgres.PASSWORD=\${ALIAS=$DB_PASSWORD_ALIAS}")
  asadmin_remote create-jvm-options "$(IFS=:; echo "${options[*]}")"
}

# No server banner (docs/contract/errors.md#response-headers), and a body on GET/DELETE reaches the
# service (not the listener's bare 400), as pre-boot-commands.asadmin sets for Payara Micro. Both
# listeners: HTTP and HTTPS.
hide_banners() {
  local listener settings=()
  for listener in http-listener-1 http-listener-2; do
    settings+=("configs.config.server-config.network-config.protocols.protocol.$listener.http.server-header=false")
    settings+=("configs.config.server-config.network-config.protocols.protocol.$listener.http.xpowered-by=false")
    settings+=("configs.config.server-config.network-config.protocols.protocol.$listener.http.allow-payload-for-undefined-http-methods=true")
  done
  asadmin_remote set "${settings[@]}"
}

# The WAR serves /openapi itself: Payara's own endpoint moves off the service's virtual server.
own_openapi() { asadmin_remote set-openapi-configuration --virtualServers=__asadmin; }

# What src/main/servers/payara-server/pre-boot-commands.asadmin sets besides: 10 s of grace for
# requests in flight at shutdown, the C heap trimmed every 10 s, 64 request threads, and no data
# grid (the README's optional step).
tune_server() {
  asadmin_remote create-jvm-options '-Dfish.payara.shutdowngrace=10000:-XX\:TrimNativeHeapInterval=10000' &&
    asadmin_remote set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.max-thread-pool-size=64 &&
    asadmin_remote set-hazelcast-configuration --enabled=false
}

deploy() { asadmin_remote deploy --contextroot / --name clean-users "$WAR"; }
undeploy() { asadmin_remote undeploy clean-users; }

# --- Second pass: a server-managed pool -------------------------------------------------------

# The driver the WAR bundles, same version (pom.xml's postgresql.version), from Maven's cache.
fetch_driver() {
  local version
  version=$(sed -n 's:.*<postgresql.version>\(.*\)</postgresql.version>.*:\1:p' pom.xml)
  [[ -n $version ]] || { echo "no <postgresql.version> in pom.xml"; return 1; }
  DRIVER_JAR=$LIB_DIR/postgresql-$version.jar
  ./mvnw -q dependency:copy -Dartifact="org.postgresql:postgresql:$version" \
    -DoutputDirectory="$LIB_DIR" -Dmdep.overWriteIfNewer=true
  [[ -f $DRIVER_JAR ]] || { echo "$DRIVER_JAR was not written"; return 1; }
}

add_driver() { asadmin_remote add-library "$DRIVER_JAR"; }

# The pool's properties from the same [postgres] settings; the password through the alias of
# the first pass (Payara resolves ${ALIAS=...} in pool properties). ':' separates properties.
create_pool() {
  local properties=(
    "serverName=${POSTGRES_HOST//:/\\:}"
    "portNumber=$POSTGRES_PORT"
    "databaseName=${POSTGRES_DB//:/\\:}"
    "user=${POSTGRES_USER//:/\\:}"
    "password=\${ALIAS=$DB_PASSWORD_ALIAS}"
    "applicationName=$POOL_APPLICATION_NAME"
  )
  asadmin_remote create-jdbc-connection-pool \
    --datasourceclassname org.postgresql.ds.PGSimpleDataSource --restype javax.sql.DataSource \
    --steadypoolsize 0 --maxpoolsize 32 \
    --isconnectvalidatereq=true --validationmethod custom-validation \
    --validationclassname org.glassfish.api.jdbc.validation.PostgresConnectionValidation \
    --failconnection=true \
    --property "$(IFS=:; echo "${properties[*]}")" "$POOL_NAME"
}

create_resource() { asadmin_remote create-jdbc-resource --connectionpoolid "$POOL_NAME" "$POOL_RESOURCE"; }

# The service now takes its connections from the server; a host that cannot resolve proves
# that the WAR's own pool is not what serves.
point_at_server_pool() {
  asadmin_remote delete-jvm-options "-Dpostgres.HOST=${POSTGRES_HOST//:/\\:}"
  asadmin_remote create-jvm-options "-Dpostgres.HOST=nowhere.invalid:-Dpostgres.DATASOURCE=$POOL_RESOURCE"
}

ping_pool() { asadmin_remote ping-connection-pool "$POOL_NAME"; }

# --- Checks -----------------------------------------------------------------------------------

pass() { say "ok    $*"; }
fail() {
  say "FAIL  $*"
  FAILURES=$((FAILURES + 1))
}

# http METHOD PATH [JSON body]: sets CODE, BODY and HEADERS (lower-cased names).
http() {
  rm -f "$WORK/body" "$WORK/headers"
  local args=(-s -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' --max-time 15 -X "$1")
  if [[ $# -ge 3 ]]; then args+=(-H 'Content-Type: application/json' --data "$3"); fi
  if [[ -n ${COOKIE:-} ]]; then args+=(-H "Cookie: $COOKIE"); fi
  CODE=$(curl "${args[@]}" "$BASE_URL$2") || CODE=000
  BODY=$(cat "$WORK/body" 2>/dev/null || true)
  HEADERS=$(tr -d '\r' <"$WORK/headers" 2>/dev/null | tr '[:upper:]' '[:lower:]' || true)
}

# A successful `asadmin deploy` does not mean the application serves (and Payara can log a
# deployment as done when it is not): poll the service itself, for at most a minute.
wait_until_serving() { wait_for_http "$BASE_URL/api/v1/" 60; }

check_status() {
  http GET /api/v1/
  if [[ $CODE == 200 && $BODY == '{"status":"ok"}' ]]; then
    pass "GET /api/v1/ -> 200 $BODY"
  else
    fail "GET /api/v1/ -> $CODE $BODY (expected 200 {\"status\":\"ok\"})"
  fi
  if grep -qE '^(server|x-powered-by):' <<<"$HEADERS"; then
    fail "banner headers present: $(grep -E '^(server|x-powered-by):' <<<"$HEADERS" | tr '\n' ' ')"
  else
    pass "no Server / X-Powered-By header"
  fi
}

check_ready() {
  http GET /health/ready
  if [[ $CODE == 200 && $BODY == *'"status":"UP"'* ]]; then
    pass "GET /health/ready -> 200 UP"
  else
    fail "GET /health/ready -> $CODE $BODY (expected 200 UP)"
  fi
}

# /openapi is the document the build wrote (target/openapi/, in the WAR), not Payara's copy.
check_openapi() {
  http GET /openapi
  if [[ $CODE == 200 && $BODY == "$(cat "$ROOT/target/openapi/openapi.yaml")" ]]; then
    pass "GET /openapi -> 200, the WAR's own document"
  else
    fail "GET /openapi -> $CODE, not the build's target/openapi/openapi.yaml"
  fi
}

# A real round trip through the database: sign a fresh user up, then log in with it.
check_round_trip() {
  local user password credentials cookie
  user=smoke-$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')
  password=Smoke-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')
  credentials="{\"username\":\"$user\",\"password\":\"$password\"}"
  http POST /api/v1/account/signup "$credentials"
  if [[ $CODE == 201 && $BODY == *'"id":"'* ]]; then
    pass "POST /api/v1/account/signup ($user) -> 201 $BODY"
  else
    fail "POST /api/v1/account/signup ($user) -> $CODE $BODY (expected 201 with an id)"
  fi
  http POST /api/v1/account/login "$credentials"
  if [[ $CODE == 204 ]] && grep -qE '^set-cookie: access_token=[^;]+' <<<"$HEADERS"; then
    pass "POST /api/v1/account/login ($user) -> 204 with an access_token cookie"
  else
    fail "POST /api/v1/account/login ($user) -> $CODE $BODY (expected 204 with an access_token cookie)"
  fi
  # The session row must have been committed: the next request finds it.
  cookie=$(tr -d '\r' <"$WORK/headers" | sed -nE 's/^[Ss]et-[Cc]ookie: (access_token=[^;]*).*/\1/p')
  COOKIE=$cookie http GET /api/v1/account/me
  if [[ $CODE == 200 && $BODY == *"\"username\":\"$user\""* ]]; then
    pass "GET /api/v1/account/me with that cookie -> 200, $user"
  else
    fail "GET /api/v1/account/me with that cookie -> $CODE $BODY (expected 200 with $user)"
  fi
}

# The server pool's connections carry its application_name; after the round trip at least one
# is open (the pool keeps them). Skipped, as a note, where there is no psql.
check_server_pool_connections() {
  if ! command -v psql >/dev/null; then
    say "skip  connections from $POOL_NAME in pg_stat_activity (no psql on PATH)"
    return
  fi
  local count
  count=$(PGPASSWORD=$POSTGRES_PASSWORD PGCONNECT_TIMEOUT=5 psql -X -w -q -A -t \
    -h "$POSTGRES_HOST" -p "$POSTGRES_PORT" -U "$POSTGRES_USER" -d "$POSTGRES_DB" \
    -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = '$POOL_APPLICATION_NAME'" \
    2>&1) || count="psql failed: $count"
  if [[ $count =~ ^[0-9]+$ ]] && ((count > 0)); then
    pass "$count connection(s) of $POOL_NAME in pg_stat_activity"
  else
    fail "no connection of $POOL_NAME in pg_stat_activity ($count)"
  fi
}

# --- Main -------------------------------------------------------------------------------------

# At exit: the domain is stopped, if there is one; failing to stop it fails the run.
stop_domain_at_exit() {
  [[ -d $DOMAIN_DIR ]] || return 0
  if stop_domain >"$WORK/stop.log" 2>&1; then
    say "stopped domain $DOMAIN"
  else
    say "could not stop domain $DOMAIN:"
    cat "$WORK/stop.log"
    EXIT_STATUS=1
  fi
}

# At exit: the database, when own_db started one; failing to stop it fails the run.
stop_db_at_exit() { if $DB_STARTED; then DB stop || EXIT_STATUS=1; fi; }

main() {
  # Run last registered first: the domain, then the database, then $WORK goes.
  on_exit stop_db_at_exit
  on_exit stop_domain_at_exit
  trap 'exit 130' INT
  trap 'exit 143' TERM

  if [[ ! -f $WAR ]]; then step "build $WAR" build_war; fi
  if [[ ! -x $ASADMIN ]]; then step "unpack Payara Server into $PAYARA_HOME" install_payara; fi
  step "read the configuration (config.toml + environment)" load_config
  own_db
  step "remove the domain of a previous run" remove_old_domain
  step "pick free ports" pick_portbase
  say "      port base $PORTBASE: admin $ADMIN_PORT, http $HTTP_PORT"
  step "create-domain $DOMAIN" create_domain
  step "start-domain" start_domain
  step "create-password-alias $DB_PASSWORD_ALIAS" store_db_password
  step "create-jvm-options -Dpostgres.{HOST,PORT,DB,USER,PASSWORD}" configure_service
  step "set server-header=false xpowered-by=false" hide_banners
  step "set-openapi-configuration --virtualServers=__asadmin" own_openapi
  step "create-jvm-options shutdown grace and heap trim; 64 request threads; no data grid" tune_server
  step "restart-domain (JVM options apply on restart)" restart_domain
  step "deploy --contextroot / --name clean-users $WAR" deploy
  step "wait until $BASE_URL/api/v1/ answers 200" wait_until_serving

  check_status
  check_ready
  check_openapi
  check_round_trip

  if [[ ${SMOKE_SERVER_POOL:-1} != 0 ]] && ((FAILURES == 0)); then
    say "second pass: a server-managed JDBC pool ($POOL_RESOURCE)"
    step "fetch the PostgreSQL driver into $LIB_DIR" fetch_driver
    step "undeploy clean-users" undeploy
    step "add-library $DRIVER_JAR" add_driver
    step "create-jdbc-connection-pool $POOL_NAME" create_pool
    step "create-jdbc-resource $POOL_RESOURCE" create_resource
    step "jvm options -Dpostgres.DATASOURCE=$POOL_RESOURCE -Dpostgres.HOST=nowhere.invalid" point_at_server_pool
    step "restart-domain" restart_domain
    step "ping-connection-pool $POOL_NAME" ping_pool
    step "deploy --contextroot / --name clean-users $WAR" deploy
    step "wait until $BASE_URL/api/v1/ answers 200" wait_until_serving

    check_status
    check_ready
    check_round_trip
    check_server_pool_connections
  fi

  if ((FAILURES)); then
    show_server_log
    say "FAILED: $FAILURES check(s) ($((SECONDS - START))s)"
    exit 1
  fi
  say "PASSED: the WAR serves on Payara Server ($((SECONDS - START))s)"
}

main "$@"
