#!/usr/bin/env bash
# Brings up the PostgreSQL that the configuration points at, for `make run`, `make test` and
# `make migrate`, and stops it again afterwards if it was started here.
#
#   scripts/postgres.sh ensure   Do nothing if the configured server already accepts the configured
#                                user, password and database. Otherwise, for a local host: start a
#                                project-local cluster (.data/postgres) from the machine's PostgreSQL
#                                binaries (on the configured port, or on a free one when another
#                                server holds it), else the `db` service of docker-compose.yaml where
#                                Docker runs, else say what to install.
#   scripts/postgres.sh own      For tests and tools: never the configured server. Use the database
#                                TEST_DATABASE_URL names (postgresql://user:password@host:port/db)
#                                when it is set, else a project-local cluster on a free port.
#
# `ensure` and `own` write the host and port they settled on to $DATA/postgres.env (NAME='value'
# lines, with the user, password and database): callers source it, so a server on 5432 that knows
# nothing of us changes nothing.
#   scripts/postgres.sh stop     Stop what `ensure` started (recorded in .data/postgres.started);
#                                never touches a server that `ensure` found already running.
#   scripts/postgres.sh crash    Stop the project-local cluster `ensure` started in immediate mode:
#                                a crash as far as the data is concerned (no checkpoint, WAL replay
#                                at the next start). For make stress.
#   scripts/postgres.sh start    Start that cluster again after `crash`, on the same port.
#
# The configuration is config.toml (or -Dapp.config / APP_CONFIG) with environment overrides, read
# through the service's own loader, so `POSTGRES_PORT=55432 scripts/postgres.sh ensure` works.
# As root, the cluster belongs to the `postgres` OS user (PostgreSQL refuses to run as root). That
# user must be able to reach .data/: when a parent directory of the checkout is closed to others
# (e.g. a checkout under /root, mode 0700) or the path is too long for a Unix socket, the cluster
# goes to /tmp/clean-users-postgres-<checksum of the .data path> instead, and `ensure` says so.
set -euo pipefail

# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# CLEAN_USERS_DATA moves the cluster and its marker (make bench keeps its own under target/).
DATA="${CLEAN_USERS_DATA:-$ROOT/.data}"
MARKER="$DATA/postgres.started" # "cluster <dir> <port>" or "compose": what `stop` has to stop
SETTLED="$DATA/postgres.env"   # where the database is, for the caller to source
ENV_LINE="^[A-Z][A-Z0-9_]*='[^']*'\$"

# --- Configuration --------------------------------------------------------------------------

# Sets POSTGRES_HOST, POSTGRES_PORT, POSTGRES_DB, POSTGRES_USER, POSTGRES_PASSWORD (and every other
# key) from the service's dotenv command, which validates the configuration first. Only
# NAME='value' lines are evaluated (values never contain quotes: the command strips them).
load_config() {
  local out
  out=$(cd "$ROOT" && ./mvnw -q compile exec:java -Dexec.args=dotenv) ||
    die "cannot read the configuration (see the message above)"
  CONFIG_LINES=$(grep -E "$ENV_LINE" <<<"$out") || die "the dotenv command printed no configuration"
  eval "$CONFIG_LINES"
}

# --- Checks ---------------------------------------------------------------------------------

# shellcheck disable=SC2153 # POSTGRES_HOST comes from load_config's eval
is_local_host() { [[ $POSTGRES_HOST == localhost || $POSTGRES_HOST == 127.0.0.1 ]]; }

# True when the configured server lets the configured user into the configured database.
db_accepts() {
  command -v psql >/dev/null || return 1
  pg_isready -q -t 5 -h "$POSTGRES_HOST" -p "$POSTGRES_PORT" 2>/dev/null || return 1
  PGPASSWORD=$POSTGRES_PASSWORD PGCONNECT_TIMEOUT=5 psql -X -w -q -A -t \
    -h "$POSTGRES_HOST" -p "$POSTGRES_PORT" -U "$POSTGRES_USER" -d "$POSTGRES_DB" \
    -c 'SELECT 1' >/dev/null 2>&1
}


# Records where the database is for the caller ($SETTLED, see the header).
settle() {
  mkdir -p "$DATA"
  printf "POSTGRES_HOST='%s'\nPOSTGRES_PORT='%s'\nPOSTGRES_DB='%s'\nPOSTGRES_USER='%s'\nPOSTGRES_PASSWORD='%s'\n" \
    "$POSTGRES_HOST" "$POSTGRES_PORT" "$POSTGRES_DB" "$POSTGRES_USER" "$POSTGRES_PASSWORD" >"$SETTLED"
}

docker_runs() {
  command -v docker >/dev/null && docker info >/dev/null 2>&1 && docker compose version >/dev/null 2>&1
}

# --- Project-local cluster ------------------------------------------------------------------


# Where the cluster lives: .data/postgres, unless its owner cannot reach it or the socket path
# (<dir>/.s.PGSQL.<port>, at most 107 bytes) would be too long; see the header.
cluster_dir() {
  local dir="$DATA/postgres"
  if ((${#dir} > 90)) || ! as_owner test -x "$DATA"; then
    dir="/tmp/clean-users-postgres-$(cksum <<<"$DATA" | cut -d' ' -f1)"
  fi
  echo "$dir"
}

cluster_running() { as_owner "$BIN/pg_ctl" status -D "$1" >/dev/null 2>&1; }

# A new cluster: superuser `postgres` only through the socket in the cluster's own 0700 directory
# (trust: only the owner can reach it), everyone else over TCP on 127.0.0.1 with a password.
init_cluster() {
  local dir=$1 out
  [[ ! -L $dir ]] || die "$dir is a symbolic link; remove it"
  [[ -d $dir ]] || mkdir -m 700 "$dir"
  if ((EUID == 0)); then chown postgres: "$dir"; fi
  out=$(as_owner "$BIN/initdb" -D "$dir" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --no-locale 2>&1) || die "initdb failed in $dir: $out"
  as_owner tee -a "$dir/postgresql.conf" >/dev/null <<EOF

# Project-local cluster of clean-users (scripts/postgres.sh); the port is given at start.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
EOF
}

start_cluster() {
  local dir=$1
  as_owner "$BIN/pg_ctl" start -D "$dir" -w -t 120 -l "$dir/server.log" -o "-p $POSTGRES_PORT" >/dev/null ||
    die "PostgreSQL did not start; last lines of $dir/server.log:
$(tail -n 5 "$dir/server.log" 2>/dev/null)"
}

# A psql single-quoted literal for \set (values never contain quotes; backslashes are doubled).
psql_literal() { echo "'${1//\\/\\\\}'"; }

# Creates (or updates the password of) the configured role, and the configured database owned by
# it. Values go through psql variables (:'name' quotes them), fed on stdin to keep the password off
# the command line.
provision() {
  local dir=$1
  {
    echo "\\set user $(psql_literal "$POSTGRES_USER")"
    echo "\\set password $(psql_literal "$POSTGRES_PASSWORD")"
    echo "\\set db $(psql_literal "$POSTGRES_DB")"
    cat <<'SQL'
SELECT format(CASE WHEN EXISTS (SELECT FROM pg_roles WHERE rolname = :'user')
                   THEN 'ALTER ROLE %I LOGIN PASSWORD %L' ELSE 'CREATE ROLE %I LOGIN PASSWORD %L' END,
              :'user', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'user')
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL
  } | as_owner "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$POSTGRES_PORT" -U postgres -d postgres \
    >/dev/null || die "could not create role $POSTGRES_USER / database $POSTGRES_DB in $dir"
}

ensure_cluster() {
  if ((EUID == 0)) && ! id postgres >/dev/null 2>&1; then
    die "running as root needs the postgres OS user (apt-get install postgresql creates it)"
  fi
  mkdir -p "$DATA"
  local dir
  dir=$(cluster_dir)
  # Ours, running, yet refusing us: started on another port or with other credentials. Restart.
  if cluster_running "$dir"; then as_owner "$BIN/pg_ctl" stop -D "$dir" -m fast -w >/dev/null; fi
  if port_busy "$POSTGRES_PORT"; then
    local taken=$POSTGRES_PORT
    POSTGRES_PORT=$(free_port)
    say "another PostgreSQL holds port $taken without our role; using a project-local cluster on $POSTGRES_PORT instead"
  fi
  [[ -f $dir/PG_VERSION ]] || init_cluster "$dir"
  start_cluster "$dir"
  echo "cluster $dir $POSTGRES_PORT" >"$MARKER" # before provisioning: `stop` must clean up even if that fails
  provision "$dir"
  db_accepts || die "started PostgreSQL in $dir but still cannot log in as $POSTGRES_USER"
  say "started a project-local cluster in $dir on 127.0.0.1:$POSTGRES_PORT (scripts/postgres.sh stop stops it)"
}

# --- docker compose -------------------------------------------------------------------------

# docker-compose.yaml takes the database's credentials and published port from .env, so .env is
# (re)written from the configuration first, atomically.
ensure_compose() {
  local tmp
  tmp=$(mktemp "$ROOT/.env.XXXXXX")
  echo "$CONFIG_LINES" >"$tmp" && mv "$tmp" "$ROOT/.env"
  (cd "$ROOT" && docker compose up -d --wait db >/dev/null 2>&1) ||
    die "docker compose could not start the db service (try: docker compose up db)"
  mkdir -p "$DATA"
  echo "compose" >"$MARKER"
  say "started the db service of docker-compose.yaml on 127.0.0.1:$POSTGRES_PORT (wrote .env)"
}

# --- Commands -------------------------------------------------------------------------------

# Sets BIN to the server binaries' directory (empty when there are none) and puts it on PATH, for
# psql and pg_isready even when they are not there.
find_binaries() {
  BIN=$(pg_bindir) || BIN=""
  if [[ -n $BIN ]]; then PATH="$PATH:$BIN"; fi
}

# Uses the project-local cluster already running under $DATA (an earlier `ensure` or `own`), if
# it lets us in: sets POSTGRES_PORT to its port, or fails.
use_running_cluster() {
  local kind="" dir="" port=""
  if [[ -f $MARKER ]]; then read -r kind dir port <"$MARKER"; fi
  [[ $kind == cluster && -n $port && -n $BIN ]] && cluster_running "$dir" &&
    POSTGRES_PORT=$port db_accepts || return 1
  POSTGRES_PORT=$port
  say "using the project-local cluster on 127.0.0.1:$POSTGRES_PORT"
}

ensure() {
  load_config
  find_binaries
  ensure_database
  settle
}

ensure_database() {
  use_running_cluster && return
  if db_accepts; then
    say "using $POSTGRES_USER@$POSTGRES_HOST:$POSTGRES_PORT/$POSTGRES_DB"
  elif ! is_local_host; then
    die "cannot log in to $POSTGRES_HOST:$POSTGRES_PORT/$POSTGRES_DB as $POSTGRES_USER: is the server" \
      "running, and do [postgres] in config.toml / the POSTGRES_* variables match it?"
  elif [[ -n $BIN ]]; then
    ensure_cluster
  elif docker_runs; then
    ensure_compose
  else
    die "no PostgreSQL at $POSTGRES_HOST:$POSTGRES_PORT and none to start: install PostgreSQL" \
      "(as root: apt-get install postgresql) or Docker with the compose plugin."
  fi
}

own() {
  load_config
  find_binaries
  if [[ -n ${TEST_DATABASE_URL:-} ]]; then
    use_test_database_url
    db_accepts || die "cannot log in to the database TEST_DATABASE_URL names ($POSTGRES_USER@$POSTGRES_HOST:$POSTGRES_PORT/$POSTGRES_DB)"
    say "using TEST_DATABASE_URL: $POSTGRES_USER@$POSTGRES_HOST:$POSTGRES_PORT/$POSTGRES_DB"
  else
    [[ -n $BIN ]] || die "no PostgreSQL server binaries to start a cluster with: install PostgreSQL" \
      "(as root: apt-get install postgresql) or name a test database in TEST_DATABASE_URL"
    POSTGRES_HOST=127.0.0.1
    if ! use_running_cluster; then
      POSTGRES_PORT=$(free_port)
      ensure_cluster
    fi
  fi
  settle
}

# postgresql://user:password@host:port/db into the POSTGRES_* variables.
use_test_database_url() {
  local re='^postgres(ql)?://([^:@/]+)(:([^@/]*))?@([^:/]+)(:([0-9]+))?/([^?/]+)$'
  [[ $TEST_DATABASE_URL =~ $re ]] ||
    die "TEST_DATABASE_URL must look like postgresql://user:password@host:port/db"
  POSTGRES_USER=${BASH_REMATCH[2]}
  POSTGRES_PASSWORD=${BASH_REMATCH[4]}
  POSTGRES_HOST=${BASH_REMATCH[5]}
  POSTGRES_PORT=${BASH_REMATCH[7]:-5432}
  POSTGRES_DB=${BASH_REMATCH[8]}
}

stop() {
  if [[ ! -f $MARKER ]]; then
    say "nothing to stop (ensure started no database)"
    rm -f "$SETTLED"
    return
  fi
  local kind dir
  read -r kind dir _ <"$MARKER"
  case $kind in
  cluster)
    BIN=$(pg_bindir) || die "no PostgreSQL binaries to stop the cluster in $dir with"
    if cluster_running "$dir"; then as_owner "$BIN/pg_ctl" stop -D "$dir" -m fast -w >/dev/null; fi
    say "stopped the project-local cluster in $dir"
    ;;
  compose)
    (cd "$ROOT" && docker compose stop db >/dev/null 2>&1) || die "docker compose stop db failed"
    say "stopped the db service of docker-compose.yaml"
    ;;
  *) die "unexpected content in $MARKER: $kind" ;;
  esac
  rm -f "$MARKER" "$SETTLED"
}

# Sets CLUSTER_DIR and POSTGRES_PORT from the marker of a project-local cluster, or fails.
started_cluster() {
  local kind=""
  if [[ -f $MARKER ]]; then read -r kind CLUSTER_DIR POSTGRES_PORT <"$MARKER"; fi
  if [[ $kind != cluster ]]; then die "ensure started no project-local cluster here ($MARKER)"; fi
  BIN=$(pg_bindir) || die "no PostgreSQL binaries for the cluster in $CLUSTER_DIR"
}

crash() {
  started_cluster
  as_owner "$BIN/pg_ctl" stop -D "$CLUSTER_DIR" -m immediate -w >/dev/null
}

start() {
  started_cluster
  start_cluster "$CLUSTER_DIR"
}

case "${1:-}" in
ensure) ensure ;;
own) own ;;
stop) stop ;;
crash) crash ;;
start) start ;;
*) die "usage: scripts/postgres.sh ensure|own|stop|crash|start" ;;
esac
