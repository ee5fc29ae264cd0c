#!/usr/bin/env bash
# `make stress`: crash durability and database-outage behaviour of the service, on a throwaway
# PostgreSQL cluster and a Payara Micro of its own (docs/reliability.md says what it proves).
#
#   0. builds the WAR and the tools (./mvnw -q package, running only the checker's unit test,
#      UserCheckTest: a checker that cannot see a lost write would pass every run), starts a fresh
#      cluster with scripts/postgres.sh (CLEAN_USERS_DATA=target/stress/data) on a free port,
#      starts Payara Micro on STRESS_HTTP_PORT with a bootstrap super admin and bcrypt cost 4;
#   1. write load (sign-ups, log-ins, admin commands; 8 workers) and `kill -9` of the Payara JVM
#      at a seeded random moment; restart; every acknowledged (201/204) request must have left
#      its effect (its rows and sessions, and log-ins), the integrity queries must find nothing,
#      the service must serve again;
#   2. the same with PostgreSQL stopped `-m immediate` mid-load and started 5 s later; the
#      service is not restarted, and must acknowledge requests again;
#   3. read load (8 admin sessions listing users) while PostgreSQL is down for 10 s: only 503
#      while down, nothing past the client timeout, >= 90 % of the earlier throughput within
#      10 s of its return;
#   then prints a summary table, also written to target/stress/summary.md and summary.json.
#
# The load driver and checker is io.cleanusers.tools.stress.Stress in the test tree
# (src/test/java/io/cleanusers/tools/stress), run on the build's test classpath (run_tool); it
# shares the integration tests' support code. Everything this script starts is stopped on exit,
# pass or fail; the exit status is non-zero when any target failed.
#
# Settings (environment): STRESS_SEED (default: random; printed, and a run repeats its choices
# with it), STRESS_HTTP_PORT (default the first free port of 18180-18189).
set -euo pipefail

# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ROOT=$(cd "$ROOT" && pwd -P)
cd "$ROOT"

OUT=target/stress

SEED=${STRESS_SEED:-$(((RANDOM << 15) | RANDOM))}
PG_PORT="" # a free one, chosen by scripts/postgres.sh own (pg_create)
DB_NAME=cleanusers
DB_USER=cleanusers
DB_PASSWORD=stress-$SEED
ROOT_USER=stressroot
ROOT_PASSWORD=root-$SEED-pw
CONCURRENCY=8
SERVE_TIMEOUT=240 # seconds Payara Micro may take to serve (2 busy cores: about 60)

SERVICE_PID=""
LOAD_PID=""
PG_DIR=""
STARTED_AT=$SECONDS
STARTED_UTC=$(date -u '+%Y-%m-%d %H:%M UTC')
FAILED=()

now_ms() { date +%s%3N; }

# --- Clean-up ------------------------------------------------------------------------------------

# At exit: the load start_load began, if it still runs.
stop_load() { if [[ -n $LOAD_PID ]]; then kill "$LOAD_PID" 2>/dev/null || true; fi; }

# At exit: the cluster pg_create made, if any, stopped and removed (its log kept).
remove_cluster() {
  [[ -n $PG_DIR ]] || return 0
  db stop >/dev/null 2>&1 || true
  cp "$PG_DIR/server.log" "$OUT/postgres.log" 2>/dev/null || true
  rm -rf "$PG_DIR"
}

# Stops what this run started, by PID (never by name: other Payaras may run on this machine): the
# load, then the service, then the cluster (on_exit runs the last registered first).
on_exit remove_cluster
on_exit stop_service
on_exit stop_load
trap 'exit 130' INT TERM

# --- PostgreSQL: a throwaway cluster ---------------------------------------------------------------

# scripts/postgres.sh on a cluster of this run's own (target/stress/data, or /tmp when its owner
# cannot reach that), with this run's role, database and password. Removed on exit.
db() {
  CLEAN_USERS_DATA="$ROOT/$OUT/data" POSTGRES_DB=$DB_NAME POSTGRES_USER=$DB_USER POSTGRES_PASSWORD=$DB_PASSWORD scripts/postgres.sh "$@"
}

pg_create() {
  mkdir -p "$OUT/data"
  db own || exit 1
  read -r _ PG_DIR PG_PORT <"$OUT/data/postgres.started"
  # Durability settings stay at their defaults (fsync, synchronous_commit, full_page_writes on).
  # The service's mode and database, as system properties: Payara Micro's (start_service) and the
  # checker's, which reads the database as the service is configured (stress).
  SERVICE_SETTINGS=(-Dapp.ENV=local
    -Dpostgres.HOST=127.0.0.1 -Dpostgres.PORT="$PG_PORT" -Dpostgres.DB="$DB_NAME"
    -Dpostgres.USER="$DB_USER" -Dpostgres.PASSWORD="$DB_PASSWORD" -Dpostgres.DATASOURCE=)
}

pg_start() { db start; }

# A crash as far as the data is concerned: no checkpoint, WAL replay at the next start.
pg_stop_immediate() { db crash; }

# --- Payara Micro ------------------------------------------------------------------------------------

pick_http_port() {
  if [[ -n ${STRESS_HTTP_PORT:-} ]]; then
    HTTP_PORT=$STRESS_HTTP_PORT
    ! port_busy "$HTTP_PORT" || die "port $HTTP_PORT is taken (STRESS_HTTP_PORT)"
    return
  fi
  for HTTP_PORT in {18180..18189}; do
    port_busy "$HTTP_PORT" || return 0
  done
  die "ports 18180-18189 are all taken; choose one with STRESS_HTTP_PORT=<port>"
}

# Starts Payara Micro (scripts/servers/payara-micro.sh) in the background ($1 names the boot: its
# log and root directory) and waits until GET /api/v1/ answers 200: Payara Micro logs "ready"
# even when the WAR failed. Its settings are system properties in JAVA_OPTS (no value holds a space).
start_service() {
  local boot=$1 started=$SECONDS waited=0 options
  local log=$OUT/payara-$boot.log
  if port_busy "$HTTP_PORT"; then say "port $HTTP_PORT is taken" >&2 && return 1; fi
  options=(-Xmx1g "${SERVICE_SETTINGS[@]}"
    -Dsecurity.password.BCRYPT_COST=4
    -Dsecurity.auth.SESSION_TTL_MIN=60
    -Dbootstrap.SUPER_ADMIN_USERNAME="$ROOT_USER" -Dbootstrap.SUPER_ADMIN_PASSWORD="$ROOT_PASSWORD")
  JAVA_OPTS="${options[*]}" start_server payara-micro "$HTTP_PORT" "$log" --rootdir "$OUT/micro-$boot"
  SERVICE_PID=$SERVER_PID
  wait_for_http "http://127.0.0.1:$HTTP_PORT/api/v1/" "$SERVE_TIMEOUT" "$SERVICE_PID" "$log" 'ready in' ||
    waited=$?
  case $waited in
  0)
    SERVICE_UP_SECONDS=$((SECONDS - started))
    say "Payara Micro (pid $SERVICE_PID) serves on port $HTTP_PORT after ${SERVICE_UP_SECONDS}s"
    return
    ;;
  1) say "Payara Micro did not serve within ${SERVE_TIMEOUT}s; see $log" >&2 ;;
  2) say "Payara Micro exited; see $log" >&2 ;;
  3) say "the WAR did not deploy (GET /api/v1/ answered $HTTP_STATUS); see $log" >&2 ;;
  esac
  return 1
}

stop_service() {
  stop_server "$SERVICE_PID" 30
  SERVICE_PID=""
}

# --- Load driver ------------------------------------------------------------------------------------

# The load driver and checker: $1 = write|read|verify|summary, then its options.
stress() { run_tool "${SERVICE_SETTINGS[@]}" io.cleanusers.tools.stress.Stress "$@"; }

common_args() {
  echo --url "http://127.0.0.1:$HTTP_PORT" --root-user "$ROOT_USER" --root-password "$ROOT_PASSWORD"
}

# Starts a load in the background ($1 = write|read, $2 = scenario directory, then its options)
# and waits until it has set up its sessions and begun; LOAD_START_MS is when it began.
start_load() {
  local kind=$1 dir=$2
  shift 2
  rm -f "$dir/started" "$dir/stop"
  # shellcheck disable=SC2046
  stress "$kind" $(common_args) --out "$dir" --concurrency "$CONCURRENCY" --seed "$SEED" \
    --started-file "$dir/started" --stop-file "$dir/stop" --events "$dir/events.properties" "$@" &
  LOAD_PID=$!
  until [[ -s $dir/started ]]; do
    kill -0 "$LOAD_PID" 2>/dev/null || {
      wait "$LOAD_PID" || true
      LOAD_PID=""
      return 1
    }
    sleep 0.1
  done
  LOAD_START_MS=$(<"$dir/started")
}

# Waits for the load; its exit status.
finish_load() {
  local status=0
  wait "$LOAD_PID" || status=$?
  LOAD_PID=""
  return "$status"
}

verify() {
  # shellcheck disable=SC2046
  stress verify $(common_args) --out "$1" --journal "$1/journal.tsv"
}

# Milliseconds as seconds with one decimal.
seconds() { printf '%d.%d' $(($1 / 1000)) $(($1 % 1000 / 100)); }

# Sleeps for a seeded random number of milliseconds from $1 to $2 (bash's RANDOM, seeded with
# the run's seed; not in a subshell, so that each call draws the next number).
random_pause() {
  local ms=$(($1 + RANDOM % ($2 - $1)))
  sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
}

# --- Scenarios --------------------------------------------------------------------------------------

scenario_crash_service() {
  local dir=$OUT/crash-service killed ok=true
  say "1. kill -9 of Payara Micro under write load"
  mkdir -p "$dir"
  start_load write "$dir" --tag c1 --seconds 60 || return 1
  random_pause 5000 15000
  killed=$(now_ms)
  kill -KILL "$SERVICE_PID" || return 1
  wait "$SERVICE_PID" 2>/dev/null || true
  SERVICE_PID=""
  say "   killed Payara Micro $((killed - LOAD_START_MS)) ms into the load"
  sleep 1
  touch "$dir/stop"
  finish_load || ok=false
  start_service 2 || return 1
  printf '%s\n' "ok=true" "kill_after_ms=$((killed - LOAD_START_MS))" \
    "restart_seconds=$SERVICE_UP_SECONDS" >"$dir/events.properties"
  verify "$dir" || ok=false
  $ok
}

scenario_crash_db() {
  local dir=$OUT/crash-db down restart up ok=true
  say "2. PostgreSQL stopped -m immediate under write load (the service keeps running)"
  mkdir -p "$dir"
  start_load write "$dir" --tag c2 --seconds 30 || return 1
  random_pause 3000 10000
  pg_stop_immediate || return 1
  down=$(now_ms)
  say "   stopped PostgreSQL (immediate) $((down - LOAD_START_MS)) ms into the load"
  sleep 5
  restart=$(now_ms)
  pg_start || return 1
  up=$(now_ms)
  say "   PostgreSQL down for $((restart - down)) ms, then accepting connections after $((up - restart)) ms of crash recovery"
  printf '%s\n' "ok=true" "stop_after_ms=$((down - LOAD_START_MS))" "down_seconds=$(seconds $((restart - down)))" \
    "down_epoch_ms=$down" "restart_epoch_ms=$restart" "up_epoch_ms=$up" >"$dir/events.properties"
  finish_load || ok=false
  verify "$dir" || ok=false
  $ok
}

scenario_outage() {
  local dir=$OUT/outage down restart up ok=true
  say "3. PostgreSQL down for 10 s under read load"
  mkdir -p "$dir"
  start_load read "$dir" --tag o3 --seconds 36 --timeout 5 || return 1
  sleep 10
  pg_stop_immediate || return 1
  down=$(now_ms)
  sleep 10
  restart=$(now_ms)
  pg_start || return 1
  up=$(now_ms)
  say "   PostgreSQL down for $((restart - down)) ms, then accepting connections after $((up - restart)) ms of crash recovery"
  printf '%s\n' "ok=true" "down_epoch_ms=$down" "restart_epoch_ms=$restart" "up_epoch_ms=$up" \
    >"$dir/events.properties"
  finish_load || ok=false
  $ok
}

# --- Main -------------------------------------------------------------------------------------------

main() {
  say "seed $SEED (STRESS_SEED=$SEED repeats this run's choices)"
  RANDOM=$SEED
  rm -rf "$OUT"
  mkdir -p "$OUT"
  say "building the WAR and the load driver, testing the checker"
  ./mvnw -q package -Dtest=UserCheckTest
  tool_classpath
  pg_create
  say "PostgreSQL $(cat "$PG_DIR/PG_VERSION") in $PG_DIR on 127.0.0.1:$PG_PORT"
  pick_http_port
  start_service 1 || exit 1

  local scenario
  for scenario in scenario_crash_service scenario_crash_db scenario_outage; do
    if ! $scenario; then
      FAILED+=("$scenario")
      # A service that no longer serves would fail the next scenarios for the same reason.
      [[ $(http_status "http://127.0.0.1:$HTTP_PORT/api/v1/") == 200 ]] || break
    fi
  done

  stop_service
  printf '%s\n' "seed=$SEED" "run_seconds=$((SECONDS - STARTED_AT))" \
    "started=$STARTED_UTC" \
    "pg_port=$PG_PORT" "http_port=$HTTP_PORT" "concurrency=$CONCURRENCY" >"$OUT/run.properties"
  local status=0
  stress summary --dir "$OUT" || status=$?
  ((${#FAILED[@]} == 0)) || status=1
  return "$status"
}

main
