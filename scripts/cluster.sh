#!/usr/bin/env bash
# make cluster: three instances of the service behind HAProxy, over a PostgreSQL primary with a
# synchronous streaming standby, all on this machine and on free ports (docs/scaling.md).
#
#   scripts/cluster.sh            Bring it up, print the URL, wait; Ctrl-C stops everything.
#   scripts/cluster.sh up         Bring it up, write target/cluster/cluster.env, return.
#   scripts/cluster.sh down       Stop what `up` started (the PIDs in cluster.env, never by name).
#   scripts/cluster.sh status     HAProxy's view of the instances (state, current and total requests).
#   scripts/cluster.sh restart N  One rolling-restart step for instance N (1-3): drain it in HAProxy,
#                                 wait for its requests to end, stop it with its shutdown grace,
#                                 start it, wait for readiness, put it back.
#   scripts/cluster.sh kill N     kill -9 instance N (HAProxy's checks take it out).
#   scripts/cluster.sh start N    Start instance N again after a kill; it rejoins once ready.
#   scripts/cluster.sh failover   Stop the primary hard (pg_ctl stop -m immediate), promote the standby.
#
# Sourced (`. scripts/cluster.sh`), it only defines its functions, for make cluster-check:
# cluster_up, cluster_down, cluster_load_env, restart_instance, kill_instance, start_instance,
# failover, haproxy_command, instance_stat.
#
# SERVERS=payara-micro,wildfly,liberty mixes servers, cycling through the list (default
# payara-micro); INSTANCES (default 3). Open Liberty runs from one server directory, so it may
# appear once. Every instance gets the same database (POSTGRES_HOST lists primary and standby),
# JWT secret, pepper and bootstrap super admin (cluster.env holds them, mode 600). Other service
# settings come from the environment as for `make run` (e.g. SECURITY_PASSWORD_BCRYPT_COST).
# Installs haproxy and socat (for HAProxy's runtime API) with apt-get when they are missing.
set -euo pipefail

# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
CLUSTER_DIR="$ROOT/target/cluster"
CLUSTER_ENV="$CLUSTER_DIR/cluster.env"
HAPROXY_SOCKET="$CLUSTER_DIR/haproxy.sock"
BACKEND=be
# HAProxy's health checks (GET /health/ready): every CHECK_INTER while all is well, every
# CHECK_FASTINTER once a check has failed (or passed on a DOWN server) and every CHECK_DOWNINTER
# while down; out after CHECK_FALL failures in a row, back after CHECK_RISE successes.
CHECK_INTER=1s
CHECK_FASTINTER=500ms
CHECK_DOWNINTER=500ms
CHECK_FALL=2
CHECK_RISE=2
# The contract's 503 (docs/contract/errors.md), for what HAProxy answers itself.
SERVICE_UNAVAILABLE='{"description":"Service temporarily unavailable. Please try again later."}'
# Seconds an instance gets to finish its requests on SIGTERM (the servers' own grace is 10 s).
STOP_GRACE=20
READY_TIMEOUT=${CLUSTER_READY_TIMEOUT:-300}
DB_NAME=cleanusers
DB_USER=cleanusers
WAR="$ROOT/target/clean-users.war"

# --- Tools ----------------------------------------------------------------------------------

# The server binaries' directory, or the reason there is none.
server_binaries() {
  pg_bindir || die "no PostgreSQL server binaries: install PostgreSQL (as root: apt-get install postgresql)"
}

random_secret() { od -An -N24 -tx1 /dev/urandom | tr -d ' \n'; }

# --- cluster.env ----------------------------------------------------------------------------

# record NAME VALUE: sets NAME in cluster.env (and in this shell).
record() {
  local name=$1 value=$2 tmp
  tmp=$(mktemp "$CLUSTER_ENV.XXXXXX")
  { grep -v "^$name=" "$CLUSTER_ENV" 2>/dev/null || true; printf "%s='%s'\n" "$name" "$value"; } >"$tmp"
  chmod 600 "$tmp"
  mv "$tmp" "$CLUSTER_ENV"
  printf -v "$name" '%s' "$value"
}

cluster_load_env() {
  [[ -f $CLUSTER_ENV ]] || die "no $CLUSTER_ENV: is the cluster up (scripts/cluster.sh up)?"
  # shellcheck disable=SC1090 # written by record
  . "$CLUSTER_ENV"
}

# --- PostgreSQL: a primary and a synchronous streaming standby -------------------------------

# The primary: a project-local cluster from scripts/postgres.sh own (a free port, the service's
# role and database), then a replication role and synchronous replication.
start_primary() {
  local data="$CLUSTER_DIR/primary" kind dir port
  mkdir -p "$data"
  CLEAN_USERS_DATA=$data TEST_DATABASE_URL="" POSTGRES_DB=$DB_NAME POSTGRES_USER=$DB_USER \
    POSTGRES_PASSWORD=$DB_PASSWORD "$ROOT/scripts/postgres.sh" own
  read -r kind dir port <"$data/postgres.started"
  [[ $kind == cluster ]] || die "scripts/postgres.sh own did not start a cluster"
  record PG_PRIMARY_DIR "$dir"
  record PG_PRIMARY_PORT "$port"
  superuser_sql "$dir" "$port" <<SQL
SELECT format('CREATE ROLE replicator REPLICATION LOGIN PASSWORD %L', '$REPLICATION_PASSWORD')
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'replicator') \gexec
ALTER ROLE replicator PASSWORD '$REPLICATION_PASSWORD';
SQL
}

superuser_sql() {
  as_owner "$PG_BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$1" -p "$2" -U postgres -d postgres
}

# The standby: a base backup of the primary (-R: it follows the primary), on its own port and
# socket directory. It does not inherit synchronous_standby_names (set on the primary afterwards),
# so once promoted it commits without waiting for a standby it no longer has.
start_standby() {
  local dir="$CLUSTER_DIR/standby" port
  port=$(free_port)
  [[ $port != "$PG_PRIMARY_PORT" ]] || port=$(free_port)
  rm -rf "$dir"
  mkdir -m 700 "$dir"
  if ((EUID == 0)); then chown postgres: "$dir"; fi
  # It warns about the primary's socket in its data directory, which it rightly skips.
  as_owner env PGPASSWORD="$REPLICATION_PASSWORD" "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PG_PRIMARY_PORT" \
    -U replicator -D "$dir" -R -X stream -c fast -w 2>&1 | { grep -v 'skipping special file' || true; } >&2
  [[ -f $dir/PG_VERSION ]] || die "pg_basebackup of the primary failed"
  as_owner tee -a "$dir/postgresql.conf" >/dev/null <<EOF

# Streaming standby of scripts/cluster.sh; primary_conninfo is in postgresql.auto.conf (-R).
unix_socket_directories = '$dir'
cluster_name = 'standby1'
hot_standby = on
EOF
  as_owner "$PG_BIN/pg_ctl" start -D "$dir" -w -t 120 -l "$dir/server.log" -o "-p $port" >/dev/null ||
    die "the standby did not start; see $dir/server.log"
  record PG_STANDBY_DIR "$dir"
  record PG_STANDBY_PORT "$port"
}

# Synchronous replication on the primary: a commit returns once the standby has it (on disk).
enable_synchronous_replication() {
  local i streaming=""
  for ((i = 0; i < 60; i++)); do
    streaming=$(superuser_sql "$PG_PRIMARY_DIR" "$PG_PRIMARY_PORT" <<<"SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")
    [[ $streaming == 0 ]] || break
    sleep 1
  done
  [[ $streaming != 0 ]] || die "the standby does not stream from the primary; see $PG_STANDBY_DIR/server.log"
  superuser_sql "$PG_PRIMARY_DIR" "$PG_PRIMARY_PORT" >/dev/null <<'SQL'
ALTER SYSTEM SET synchronous_standby_names = '*';
ALTER SYSTEM SET synchronous_commit = 'on';
SELECT pg_reload_conf();
SQL
  sleep 1
  local sync
  sync=$(superuser_sql "$PG_PRIMARY_DIR" "$PG_PRIMARY_PORT" <<<"SELECT sync_state FROM pg_stat_replication")
  [[ $sync == sync ]] || die "the standby is '$sync', not sync"
}

pg_stop() { # DIR MODE
  if as_owner "$PG_BIN/pg_ctl" status -D "$1" >/dev/null 2>&1; then
    as_owner "$PG_BIN/pg_ctl" stop -D "$1" -m "$2" -w >/dev/null || true
  fi
}

# Stop the primary hard (a crash as far as its data is concerned), then promote the standby.
# Prints the seconds (since the epoch, with fractions) of the stop and of the promotion.
failover() {
  cluster_load_env
  PG_BIN=$(server_binaries)
  as_owner "$PG_BIN/pg_ctl" stop -D "$PG_PRIMARY_DIR" -m immediate -w >/dev/null
  # shellcheck disable=SC2034 # for the caller, as FAILOVER_PROMOTED_AT
  FAILOVER_STOPPED_AT=$(date +%s.%N)
  say "stopped the primary (127.0.0.1:$PG_PRIMARY_PORT) with -m immediate"
  sleep "${FAILOVER_PAUSE:-0}"
  as_owner "$PG_BIN/pg_ctl" promote -D "$PG_STANDBY_DIR" -w >/dev/null
  # shellcheck disable=SC2034
  FAILOVER_PROMOTED_AT=$(date +%s.%N)
  say "promoted the standby (127.0.0.1:$PG_STANDBY_PORT)"
}

# --- Instances ------------------------------------------------------------------------------

# start_instance N: starts instance N (its server and port from cluster.env) in the background,
# in a process group of its own; records its PID. Does not wait.
start_instance() {
  local n=$1 server port server_var="INSTANCE_${1}_SERVER" port_var="INSTANCE_${1}_PORT"
  server=${!server_var:?no instance $n} port=${!port_var}
  port_busy "$port" && die "port $port of instance $n is taken"
  [[ ! -f $CLUSTER_DIR/s$n.log ]] || mv "$CLUSTER_DIR/s$n.log" "$CLUSTER_DIR/s$n.previous.log"
  (
    # The service's configuration, as the environment of the server's JVM (README, Configuration).
    export APP_CONFIG=$ROOT/config.toml HTTP_PORT=$port \
      POSTGRES_HOST="127.0.0.1:$PG_PRIMARY_PORT,127.0.0.1:$PG_STANDBY_PORT" POSTGRES_PORT=$PG_PRIMARY_PORT \
      POSTGRES_DB=$DB_NAME POSTGRES_USER=$DB_USER POSTGRES_PASSWORD=$DB_PASSWORD POSTGRES_DATASOURCE='' \
      SECURITY_PASSWORD_PEPPER=$PEPPER SECURITY_AUTH_JWT_SECRET=$JWT_SECRET \
      BOOTSTRAP_SUPER_ADMIN_USERNAME=$SUPER_ADMIN_USERNAME BOOTSTRAP_SUPER_ADMIN_PASSWORD=$SUPER_ADMIN_PASSWORD \
      WILDFLY_MGMT_PORT=$((port + 1))
    start_server "$server" "$port" "$CLUSTER_DIR/s$n.log"
    echo "$SERVER_PID" >"$CLUSTER_DIR/s$n.pid"
  )
  record "INSTANCE_${n}_PID" "$(cat "$CLUSTER_DIR/s$n.pid")"
}

# wait_ready N: until GET /health/ready of instance N answers 200 (its own port, not HAProxy).
wait_ready() {
  local n=$1 port_var="INSTANCE_${1}_PORT" pid_var="INSTANCE_${1}_PID" waited=0
  wait_for_http "http://127.0.0.1:${!port_var}/health/ready" "$READY_TIMEOUT" "${!pid_var}" || waited=$?
  ((waited == 0)) || die "instance $n did not become ready (status $HTTP_STATUS); see $CLUSTER_DIR/s$n.log"
}

# True while process PID runs (a zombie does not count).
alive() { [[ -n $1 ]] && ps -o stat= -p "$1" 2>/dev/null | grep -qv Z; }

# stop_instance N [SIGNAL]: SIGTERM (the server's graceful shutdown) to instance N's process
# group, SIGKILL after STOP_GRACE seconds; with KILL, kill -9 at once. Waits until it has ended.
stop_instance() {
  local n=$1 signal=${2:-TERM} pid_var="INSTANCE_${1}_PID" pid i
  pid=${!pid_var:-}
  [[ -n $pid ]] || return 0
  kill "-$signal" -- "-$pid" 2>/dev/null || true
  for ((i = 0; i < STOP_GRACE * 10; i++)); do
    alive "$pid" || break
    sleep 0.1
  done
  if alive "$pid"; then kill -KILL -- "-$pid" 2>/dev/null || true; fi
  wait "$pid" 2>/dev/null || true
  # A server's children (WildFly's JVM under standalone.sh) leave with the group; wait for them.
  for ((i = 0; i < 50; i++)); do
    pgrep -g "$pid" >/dev/null 2>&1 || break
    sleep 0.1
  done
}

kill_instance() {
  cluster_load_env
  stop_instance "$1" KILL
  say "killed instance $1 (kill -9)"
}

# --- HAProxy --------------------------------------------------------------------------------

# haproxy_command 'CMD': one command on HAProxy's runtime API (the stats socket, level admin).
haproxy_command() { echo "$1" | socat stdio "unix-connect:$HAPROXY_SOCKET"; }

# instance_stat N FIELD: one field of `show stat` for server sN (status, scur, stot, ...).
instance_stat() {
  haproxy_command "show stat" | awk -F, -v sv="s$1" -v field="$2" -v be="$BACKEND" '
    NR == 1 { for (i = 1; i <= NF; i++) { name = $i; sub(/^# /, "", name); col[name] = i }; next }
    $1 == be && $2 == sv { print $col[field] }'
}

# HAProxy's own answers (no instance ready: 503; an instance died mid-answer: 502; no answer in
# time: 504) as the contract's 503, so a client sees one shape whatever failed.
write_error_file() {
  printf 'HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nRetry-After: 5\r\nCache-Control: no-store\r\nConnection: close\r\nContent-Length: %d\r\n\r\n%s' \
    "${#SERVICE_UNAVAILABLE}" "$SERVICE_UNAVAILABLE" >"$CLUSTER_DIR/503.http"
}

write_haproxy_config() {
  local n port_var
  write_error_file
  {
    cat <<EOF
# Written by scripts/cluster.sh; docs/scaling.md explains every line.
global
    stats socket $HAPROXY_SOCKET mode 600 level admin
    maxconn 4096

defaults
    mode http
    timeout connect 2s
    timeout client 30s
    timeout server 30s
    timeout http-request 10s
    timeout queue 5s
    timeout check 2s
    # A request is retried (on another instance: redispatch) only when the connection to an
    # instance could not be made, so it never reached one: safe for a POST too. Nothing is
    # retried once it was sent: the instance may have processed it.
    retries 2
    option redispatch 1
    retry-on conn-failure
    errorfile 502 $CLUSTER_DIR/503.http
    errorfile 503 $CLUSTER_DIR/503.http
    errorfile 504 $CLUSTER_DIR/503.http

frontend web
    bind 127.0.0.1:$HAPROXY_PORT
    default_backend $BACKEND

backend $BACKEND
    balance roundrobin
    # A fresh connection to an instance for every request, closed after its answer: a kept one may
    # belong to an instance that has just died, and a request sent on it fails with no answer
    # instead of being redispatched (a refused connection is retried on another instance, see
    # retry-on). Clients keep their own connections to HAProxy alive.
    option http-server-close
    http-reuse never
    option httpchk GET /health/ready
    http-check expect status 200
    default-server inter $CHECK_INTER fastinter $CHECK_FASTINTER downinter $CHECK_DOWNINTER fall $CHECK_FALL rise $CHECK_RISE
EOF
    for ((n = 1; n <= INSTANCES; n++)); do
      port_var="INSTANCE_${n}_PORT"
      echo "    server s$n 127.0.0.1:${!port_var} check"
    done
  } >"$CLUSTER_DIR/haproxy.cfg"
}

start_haproxy() {
  write_haproxy_config
  haproxy -c -q -f "$CLUSTER_DIR/haproxy.cfg" || die "HAProxy refuses $CLUSTER_DIR/haproxy.cfg"
  rm -f "$HAPROXY_SOCKET"
  setsid haproxy -f "$CLUSTER_DIR/haproxy.cfg" >"$CLUSTER_DIR/haproxy.log" 2>&1 &
  record HAPROXY_PID $!
}

# Waits until HAProxy sees every instance UP.
wait_all_up() {
  local n i status
  for ((i = 0; i < 60; i++)); do
    for ((n = 1; n <= INSTANCES; n++)); do
      status=$(instance_stat "$n" status 2>/dev/null || true)
      [[ $status == UP ]] || break
    done
    ((n > INSTANCES)) && return 0
    sleep 0.5
  done
  die "HAProxy does not see every instance UP; scripts/cluster.sh status"
}

# --- Rolling restart ------------------------------------------------------------------------

# restart_instance N: one step of the upgrade procedure of docs/scaling.md.
restart_instance() {
  local n=$1 i
  cluster_load_env
  PG_BIN=$(server_binaries)
  haproxy_command "set server $BACKEND/s$n state drain" >/dev/null
  for ((i = 0; i < STOP_GRACE * 10; i++)); do # its requests in flight end
    [[ $(instance_stat "$n" scur) == 0 ]] && break
    sleep 0.1
  done
  haproxy_command "set server $BACKEND/s$n state maint" >/dev/null
  stop_instance "$n" TERM
  start_instance "$n"
  wait_ready "$n"
  haproxy_command "set server $BACKEND/s$n state ready" >/dev/null
  for ((i = 0; i < 100; i++)); do # back in rotation once its checks pass
    [[ $(instance_stat "$n" status) == UP ]] && break
    sleep 0.1
  done
  say "restarted instance $n: $(instance_stat "$n" status)"
}

# --- Up and down ----------------------------------------------------------------------------

cluster_up() {
  install_missing haproxy socat curl
  # Debian's package enables and starts its own haproxy.service on port 80: not ours, leave it be.
  [[ ! -f $CLUSTER_ENV ]] || die "a cluster is up already ($CLUSTER_ENV); scripts/cluster.sh down first"
  [[ -f $WAR ]] || die "no $WAR: build it first (make build)"
  PG_BIN=$(server_binaries)
  mkdir -p "$CLUSTER_DIR"
  clear_leftovers
  : >"$CLUSTER_ENV"
  chmod 600 "$CLUSTER_ENV"

  local servers n count assigned=()
  IFS=, read -ra servers <<<"${SERVERS:-payara-micro}"
  count=${INSTANCES:-3}
  for ((n = 0; n < count; n++)); do assigned+=("${servers[n % ${#servers[@]}]}"); done
  for n in "${servers[@]}"; do
    [[ -x $ROOT/scripts/servers/$n.sh ]] || die "unknown server '$n' (payara-micro, payara-server, wildfly or liberty)"
  done
  (($(printf '%s\n' "${assigned[@]}" | grep -c '^liberty$') <= 1)) ||
    die "Open Liberty runs from one server directory: it may serve one of the $count instances only"
  record INSTANCES "$count"
  record DB_PASSWORD "$(random_secret)"
  record REPLICATION_PASSWORD "$(random_secret)"
  record PEPPER "$(random_secret)"
  record JWT_SECRET "$(random_secret)$(random_secret)"
  record SUPER_ADMIN_USERNAME cluster.root
  record SUPER_ADMIN_PASSWORD "Root-$(random_secret)"

  start_primary
  start_standby
  enable_synchronous_replication
  record POSTGRES_HOST "127.0.0.1:$PG_PRIMARY_PORT,127.0.0.1:$PG_STANDBY_PORT"

  local port used=" $PG_PRIMARY_PORT $PG_STANDBY_PORT "
  for ((n = 1; n <= count; n++)); do
    # Each instance's port, and the next one for WildFly's management interface, unused by the others.
    until port=$(free_port) && ! port_busy $((port + 1)) && [[ $used != *" $port "* && $used != *" $((port + 1)) "* ]]; do :; done
    used+="$port $((port + 1)) "
    record "INSTANCE_${n}_SERVER" "${assigned[n - 1]}"
    record "INSTANCE_${n}_PORT" "$port"
  done
  # All at once: bootstrap and migrations race as they would in production.
  for ((n = 1; n <= count; n++)); do start_instance "$n"; done
  for ((n = 1; n <= count; n++)); do wait_ready "$n"; done

  until port=$(free_port) && [[ $used != *" $port "* ]]; do :; done
  record HAPROXY_PORT "$port"
  record CLUSTER_URL "http://127.0.0.1:$port"
  record HAPROXY_SOCKET "$HAPROXY_SOCKET"
  start_haproxy
  wait_all_up
  cluster_summary
}

cluster_summary() {
  local n server_var port_var pid_var
  say "up: $CLUSTER_URL (HAProxy; instances in round robin)"
  for ((n = 1; n <= INSTANCES; n++)); do
    server_var="INSTANCE_${n}_SERVER" port_var="INSTANCE_${n}_PORT" pid_var="INSTANCE_${n}_PID"
    say "  s$n: ${!server_var} on 127.0.0.1:${!port_var} (pid ${!pid_var}, log $CLUSTER_DIR/s$n.log)"
  done
  say "  PostgreSQL primary 127.0.0.1:$PG_PRIMARY_PORT, synchronous standby 127.0.0.1:$PG_STANDBY_PORT"
  say "  HAProxy runtime API: echo 'show stat' | socat stdio $HAPROXY_SOCKET"
  say "  super admin $SUPER_ADMIN_USERNAME, password in $CLUSTER_ENV; scripts/cluster.sh down stops it all"
}

# A fresh cluster every time: the data of a run that was not brought down is stopped and deleted.
clear_leftovers() {
  CLEAN_USERS_DATA="$CLUSTER_DIR/primary" "$ROOT/scripts/postgres.sh" stop >/dev/null 2>&1 || true
  [[ ! -f $CLUSTER_DIR/standby/PG_VERSION ]] || pg_stop "$CLUSTER_DIR/standby" fast
  rm -rf "$CLUSTER_DIR/primary" "$CLUSTER_DIR/standby" "$CLUSTER_DIR"/s*.log "$CLUSTER_DIR"/s*.pid
}

# Stops whatever cluster.env records, each part best-effort: HAProxy, the instances, PostgreSQL.
cluster_down() {
  [[ -f $CLUSTER_ENV ]] || { say "nothing to stop (no $CLUSTER_ENV)"; return 0; }
  cluster_load_env
  PG_BIN=$(server_binaries)
  local n
  if [[ -n ${HAPROXY_PID:-} ]] && alive "$HAPROXY_PID"; then
    kill -TERM "$HAPROXY_PID" 2>/dev/null || true
  fi
  for ((n = 1; n <= ${INSTANCES:-0}; n++)); do stop_instance "$n" TERM & done
  wait
  [[ -z ${PG_STANDBY_DIR:-} ]] || pg_stop "$PG_STANDBY_DIR" fast
  CLEAN_USERS_DATA="$CLUSTER_DIR/primary" "$ROOT/scripts/postgres.sh" stop >/dev/null 2>&1 || true
  [[ -z ${PG_PRIMARY_DIR:-} ]] || pg_stop "$PG_PRIMARY_DIR" fast
  rm -f "$CLUSTER_ENV" "$HAPROXY_SOCKET"
  say "stopped the cluster"
}

# HAProxy's counters per instance: state, requests in flight and in all, 5xx answers, failed
# connections, broken responses, retries and redispatches.
status() {
  cluster_load_env
  haproxy_command "show stat" | awk -F, -v be="$BACKEND" '
    NR == 1 {
      for (i = 1; i <= NF; i++) { name = $i; sub(/^# /, "", name); col[name] = i }
      printf "%-7s %-6s %-8s %5s %8s %5s %5s %5s %5s %6s\n", "backend", "server", "status", "cur", "requests", "5xx", "econ", "eresp", "wretr", "wredis"
      next
    }
    $1 == be {
      printf "%-7s %-6s %-8s %5s %8s %5s %5s %5s %5s %6s\n", $1, $2, $col["status"], $col["scur"], $col["stot"],
        $col["hrsp_5xx"], $col["econ"], $col["eresp"], $col["wretr"], $col["wredis"]
    }'
}

main() {
  case "${1:-run}" in
  up) cluster_up ;;
  down) cluster_down ;;
  status) status ;;
  restart) restart_instance "${2:?instance number}" ;;
  kill) kill_instance "${2:?instance number}" ;;
  start)
    cluster_load_env
    start_instance "${2:?instance number}"
    wait_ready "$2"
    haproxy_command "set server $BACKEND/s$2 state ready" >/dev/null
    say "instance $2 is ready again"
    ;;
  failover) failover ;;
  run)
    # make cluster: up, then wait; Ctrl-C (or SIGTERM) stops everything.
    on_exit "$0" down
    trap 'exit 130' INT TERM
    "$0" up
    say "Ctrl-C stops everything"
    sleep infinity &
    on_exit "kill $! 2>/dev/null"
    wait $!
    ;;
  *) die "usage: scripts/cluster.sh [up|down|status|restart N|kill N|start N|failover]" ;;
  esac
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then main "$@"; fi
