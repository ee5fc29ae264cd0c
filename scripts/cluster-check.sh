#!/usr/bin/env bash
# make cluster-check: items 2-5 of docs/scaling.md on a cluster of its own (scripts/cluster.sh up:
# three instances behind HAProxy, a PostgreSQL primary with a synchronous standby, free ports):
#
#   1. bootstrap and migrations with every instance started at once: one super admin, every
#      migration applied once;
#   2. requests/s of GET /api/v1/account/me with one instance in rotation and with all (wrk, as
#      make bench), when wrk is installed;
#   3. rolling restart (scripts/cluster.sh's restart_instance, each instance in turn) under the
#      write load and the read load of make stress: no request may fail, nothing acknowledged may
#      be lost;
#   4. the periodic session purge on every instance: expired sessions gone, no instance failing it;
#   5. kill -9 of one instance under the same load: only requests in flight on it may fail, HAProxy
#      takes it out within CHECK_BOUND_MS, nothing acknowledged is lost, it rejoins once started;
#   6. PostgreSQL failover under load (the primary stopped -m immediate, the standby promoted
#      FAILOVER_PAUSE seconds later): nothing acknowledged lost, only 503 while no primary (never
#      401, never past the client timeout), serving again within 10 s of the promotion;
#   7. the integration suite through HAProxy (-Dit.baseUrl; the classes tagged own-server, which
#      need a server of their own, left out), so one client's requests hit every instance. Last:
#      its test data would trip the stress verifier's integrity queries.
#
# Prints a PASS/FAIL table, also written to target/cluster/check.md; exits 1 on any FAIL. The
# loads are make stress's (io.cleanusers.tools.stress: write, read, verify); their files are under
# target/cluster/check/. Everything started is stopped on exit, by PID. About 15
# minutes on the 2-core machine of docs/scaling.md. Settings: CLUSTER_CHECK_SEED (default random),
# CLUSTER_CHECKS (default all, see CHECKS).
set -euo pipefail

# shellcheck source=scripts/cluster.sh
. "$(dirname "${BASH_SOURCE[0]}")/cluster.sh"
cd "$ROOT"

OUT=$CLUSTER_DIR/check
TABLE=$CLUSTER_DIR/check.md
SEED=${CLUSTER_CHECK_SEED:-$(((RANDOM << 15) | RANDOM))}
WRITERS=6
READERS=4
CLIENT_TIMEOUT=10
FAILOVER_PAUSE=3
THROUGHPUT_CONNECTIONS=8
THROUGHPUT_SECONDS=15
# HAProxy must take a dead instance out within one check interval, the fast re-checks that confirm
# the failure, and a second of slack for checks and polling on two busy cores (docs/scaling.md).
CHECK_BOUND_MS=$((${CHECK_INTER%s} * 1000 + (CHECK_FALL - 1) * ${CHECK_FASTINTER%ms} + 1000))
# The integration suite's expectations (pom.xml, failsafe) and long sessions for minutes of load.
export SECURITY_PASSWORD_BCRYPT_COST=4 SECURITY_LOGIN_MAX_FAILURES=5 SECURITY_LOGIN_LOCKOUT_SECONDS=2 \
  SECURITY_AUTH_SESSION_TTL_MIN=60

# The checks, in this order (CLUSTER_CHECKS may name fewer, e.g. "instance_death"). The contract
# comes last: its test data (several super admins, rows forged in SQL) would trip the verifier's
# integrity queries, which look at the whole database.
CHECKS=${CLUSTER_CHECKS:-bootstrap throughput rolling_restart purge instance_death failover contract}

STARTED_AT=$SECONDS
ROWS=()
FAILS=0
LOAD_PIDS=()

now_ms() { date +%s%3N; }

# Seconds since the epoch with fractions (date +%s.%N) as milliseconds.
epoch_ms() { awk -v t="$1" 'BEGIN { printf "%.0f", t * 1000 }'; }

# row CHECK PASS|FAIL FIGURES: one line of the table.
row() {
  ROWS+=("| $1 | **$2** | $3 |")
  [[ $2 == PASS ]] || FAILS=$((FAILS + 1))
  say "$2: $1 — $3"
}

verdict() { if "$@"; then echo PASS; else echo FAIL; fi; }

max() { echo $(($1 > $2 ? $1 : $2)); }

# --- The service's database, as the tools and psql reach it ------------------------------------

# The service's settings for the tools (the checker reads PostgreSQL as the service does) and the
# integration suite, from cluster.env.
# (cluster.sh's start_instance sets the same names in a subshell of its own: SC2031 is moot.)
# shellcheck disable=SC2031
service_environment() {
  export POSTGRES_HOST POSTGRES_PORT=$PG_PRIMARY_PORT POSTGRES_DB=$DB_NAME POSTGRES_USER=$DB_USER \
    POSTGRES_PASSWORD=$DB_PASSWORD POSTGRES_DATASOURCE='' SECURITY_PASSWORD_PEPPER=$PEPPER \
    SECURITY_AUTH_JWT_SECRET=$JWT_SECRET APP_CONFIG=$ROOT/config.toml
}

# sql 'QUERY': one value, as the service's role, on the current primary.
sql() {
  PGPASSWORD=$DB_PASSWORD "$PG_BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 \
    "postgresql://$DB_USER@127.0.0.1:$PG_PRIMARY_PORT,127.0.0.1:$PG_STANDBY_PORT/$DB_NAME?target_session_attrs=read-write" \
    -c "$1"
}

# --- Loads (make stress's driver) ----------------------------------------------------------------

stress() { run_tool io.cleanusers.tools.stress.Stress "$@"; }

common_args() {
  echo --url "$CLUSTER_URL" --root-user "$SUPER_ADMIN_USERNAME" --root-password "$SUPER_ADMIN_PASSWORD"
}

# start_load write|read DIR [OPTION...]: in the background until DIR/stop exists; waits until it
# has its sessions and has begun.
start_load() {
  local kind=$1 dir=$2 pid
  shift 2
  mkdir -p "$dir"
  rm -f "$dir/started" "$dir/stop"
  # shellcheck disable=SC2046 # common_args: words without spaces
  stress "$kind" $(common_args) --out "$dir" --seed "$SEED" --timeout "$CLIENT_TIMEOUT" --seconds 3600 \
    --started-file "$dir/started" --stop-file "$dir/stop" --events "$dir/events.properties" "$@" \
    >"$dir/load.log" 2>&1 &
  pid=$!
  LOAD_PIDS+=("$pid")
  until [[ -s $dir/started ]]; do
    alive "$pid" || die "the $kind load did not start; see $dir/load.log"
    sleep 0.2
  done
}

# start_loads DIR TAG: the write load (sign-ups, log-ins, admin commands) and the read load (admins
# listing users), both through HAProxy.
start_loads() {
  start_load write "$1/write" --tag "${2}w" --concurrency "$WRITERS"
  start_load read "$1/read" --tag "${2}r" --concurrency "$READERS"
}

# stop_loads DIR: asks both loads to stop and waits for them (their exit status is not the verdict:
# the figures are).
stop_loads() {
  touch "$1/write/stop" "$1/read/stop"
  local pid
  for pid in "${LOAD_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  LOAD_PIDS=()
}

kill_loads() {
  local pid
  for pid in "${LOAD_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
}

# verify DIR: every acknowledged write of DIR/write's journal against the database; true when none
# is lost. Its figures are in DIR/write/verify.properties.
verify() {
  # shellcheck disable=SC2046
  stress verify $(common_args) --out "$1/write" --journal "$1/write/journal.tsv" >"$1/write/verify.log" 2>&1
}

# value FILE KEY: a line of a result file.
value() { sed -n "s/^$2=//p" "$1" | head -n1; }

# failed FILE KEY OK-REGEX: how many answers of the status map KEY ({201=10, 503=2}) are not OK.
failed() {
  value "$1" "$2" | tr -d '{}' | tr ',' '\n' | awk -F= -v ok="$3" '{ sub(/^ +/, "", $1) } $1 != "" && $1 !~ ok { n += $2 } END { print n + 0 }'
}

# load_figures DIR: "write: ..., read: ..." for the table.
load_figures() {
  local w=$1/write/load.properties r=$1/read/load.properties v=$1/write/verify.properties
  printf 'write: %s requests %s, %s acknowledged, lost %s; read: %s requests %s, max %s ms' \
    "$(value "$w" sent)" "$(value "$w" status_counts)" "$(value "$w" acknowledged)" \
    "$(value "$v" lost)" "$(value "$r" requests)" "$(value "$r" status_all)" "$(value "$r" max_latency_ms)"
}

verified() {
  local v=$1/write/verify.properties
  echo "$(value "$v" verified) verified, $(value "$v" superseded) superseded of $(value "$v" acknowledged_checked) acknowledged; lost: $(value "$v" lost); integrity queries and serving again: $(value "$v" ok | sed 's/true/ok/; s/false/FAILED/') $(value "$v" problems)"
}

# no_loss DIR: the verifier found every acknowledged write.
no_loss() { [[ $(value "$1/write/verify.properties" ok) == true ]]; }

# --- Checks -----------------------------------------------------------------------------------------

check_bootstrap() {
  local admins migrations failed_migrations files
  admins=$(sql "SELECT count(*) FROM users WHERE role = 'super_admin'")
  migrations=$(sql "SELECT count(DISTINCT version) FROM flyway_schema_history WHERE success AND version IS NOT NULL")
  failed_migrations=$(sql "SELECT count(*) FROM flyway_schema_history WHERE NOT success")
  files=$(find src/main/resources/db/migration -name 'V*.sql' | wc -l)
  row "Bootstrap and migrations, $INSTANCES instances started at once" \
    "$(verdict test "$admins" = 1 -a "$migrations" = "$files" -a "$failed_migrations" = 0)" \
    "$admins super admin; $migrations of $files migrations applied, $failed_migrations failed"
}

# Sessions that expired a minute ago, for the purge to remove.
plant_expired_sessions() {
  sql "INSERT INTO auth_sessions (id, user_id, expiration, created_at)
       SELECT 'purge-check-' || n, id, now() - interval '1 minute', now() - interval '2 minutes'
       FROM users, generate_series(1, 3) n WHERE role = 'super_admin'" >/dev/null
}

check_purge() {
  local left failures
  left=$(sql "SELECT count(*) FROM auth_sessions WHERE id LIKE 'purge-check-%'")
  failures=$(cat "$CLUSTER_DIR"/s*.log | grep -c 'Purging expired sessions failed' || true)
  row "Periodic purge on every instance (every 60 s)" "$(verdict test "$left" = 0 -a "$failures" = 0)" \
    "$left of 3 expired sessions left; $failures failed purges in the instances' logs"
}

check_contract() {
  local status=0 summary tests failures errors skipped spread="" n
  say "the integration suite through HAProxy ($CLUSTER_URL)"
  rm -rf target/failsafe-reports
  ./mvnw -B -q failsafe:integration-test failsafe:verify -Dit.baseUrl="$CLUSTER_URL" \
    -DexcludedGroups="own-server" -Dit.superadmin.username="$SUPER_ADMIN_USERNAME" \
    -Dit.superadmin.password="$SUPER_ADMIN_PASSWORD" >"$OUT/it.log" 2>&1 || status=$?
  summary=target/failsafe-reports/failsafe-summary.xml
  [[ -f $summary ]] || die "the integration suite did not run; see $OUT/it.log"
  tests=$(sed -n 's:.*<completed>\(.*\)</completed>.*:\1:p' "$summary")
  errors=$(sed -n 's:.*<errors>\(.*\)</errors>.*:\1:p' "$summary")
  failures=$(sed -n 's:.*<failures>\(.*\)</failures>.*:\1:p' "$summary")
  skipped=$(sed -n 's:.*<skipped>\(.*\)</skipped>.*:\1:p' "$summary")
  for ((n = 1; n <= INSTANCES; n++)); do spread+="${spread:+ / }$(instance_stat "$n" stot)"; done
  row "Integration suite through HAProxy (not OutageIT, AuditLogIT, FuzzIT)" "$(verdict test "$status" = 0)" \
    "$tests tests, $failures failed, $errors errors, $skipped skipped; requests per instance $spread (log: target/cluster/check/it.log)"
}

# Prints the "access_token=..." cookie of a fresh session of the super admin.
session_cookie() {
  curl -s -D - -o /dev/null -m 10 -H 'Content-Type: application/json' \
    -d "{\"username\":\"$SUPER_ADMIN_USERNAME\",\"password\":\"$SUPER_ADMIN_PASSWORD\"}" \
    "$CLUSTER_URL/api/v1/account/login" | sed -nE 's/^[Ss]et-[Cc]ookie: (access_token=[^;]*).*/\1/p'
}

# throughput N: requests/s of GET /api/v1/account/me through HAProxy with instances 1..N in
# rotation (the others in maintenance), make bench's wrk script, THROUGHPUT_CONNECTIONS sessions.
throughput() {
  local serving=$1 n line
  for ((n = 1; n <= INSTANCES; n++)); do
    haproxy_command "set server $BACKEND/s$n state $( ((n <= serving)) && echo ready || echo maint)" >/dev/null
  done
  sleep 1
  line=$(BENCH_LUA_DIR=$ROOT/scripts/bench BENCH_COOKIES=$OUT/cookies wrk -t "$THROUGHPUT_CONNECTIONS" \
    -c "$THROUGHPUT_CONNECTIONS" -d "${THROUGHPUT_SECONDS}s" --timeout 10s -s "$ROOT/scripts/bench/session.lua" \
    "$CLUSTER_URL/api/v1/account/me" | grep '^RESULT ')
  sed -E 's/.* rps=([0-9.]+) p50_ms=([0-9.]+) p99_ms=([0-9.]+) errors=([0-9]+) non2xx=([0-9]+).*/\1 req\/s (p99 \3 ms, \4 errors, \5 non-2xx)/' <<<"$line"
}

# Requests/s with one instance and with all: on this machine they share the same cores.
check_throughput() {
  command -v wrk >/dev/null || { say "no wrk: requests/s not measured" && return; }
  local n one all
  say "requests/s with 1 and with $INSTANCES instances"
  : >"$OUT/cookies"
  for ((n = 0; n < THROUGHPUT_CONNECTIONS; n++)); do session_cookie >>"$OUT/cookies"; done
  throughput "$INSTANCES" >/dev/null # warm-up of every instance (its JIT), twice as long
  throughput "$INSTANCES" >/dev/null
  one=$(throughput 1)
  all=$(throughput "$INSTANCES")
  haproxy_command "show servers state" >"$OUT/servers-state.txt"
  row "Requests/s, GET /api/v1/account/me through HAProxy ($(nproc) cores shared)" \
    "$(verdict grep -q '0 errors, 0 non-2xx.*0 errors, 0 non-2xx' <<<"$one $all")" \
    "1 instance: $one; $INSTANCES instances: $all"
}

check_rolling_restart() {
  local dir=$OUT/rolling n started took=() write_failed read_failed
  say "rolling restart under load"
  mkdir -p "$dir/write" "$dir/read"
  start_loads "$dir" rr
  sleep 5
  for ((n = 1; n <= INSTANCES; n++)); do
    started=$SECONDS
    restart_instance "$n"
    took+=("s$n $((SECONDS - started)) s")
  done
  sleep 3
  stop_loads "$dir"
  verify "$dir" || true
  write_failed=$(failed "$dir/write/load.properties" status_counts '^20[14]$')
  read_failed=$(failed "$dir/read/load.properties" status_all '^200$')
  row "Rolling restart of every instance under load: 0 failed requests" \
    "$(verdict test $((write_failed + read_failed)) = 0)" "steps ${took[*]}; $(load_figures "$dir")"
  row "Rolling restart: nothing acknowledged lost" "$(verdict no_loss "$dir")" "$(verified "$dir")"
}

check_instance_death() {
  local dir=$OUT/death n=2 pid_var=INSTANCE_2_PID in_flight killed down="" stot_down stot_later
  local write_failed read_failed started rejoined state broken
  say "kill -9 of instance $n under load"
  mkdir -p "$dir/write" "$dir/read"
  start_loads "$dir" kd
  sleep 5
  in_flight=$(instance_stat "$n" scur)
  broken=$(instance_stat "$n" eresp)
  killed=$(now_ms)
  kill -KILL -- "-${!pid_var}"
  in_flight=$(max "$in_flight" "$(instance_stat "$n" scur)")
  until [[ -n $down ]] || (($(now_ms) - killed > 10000)); do
    state=$(instance_stat "$n" status)
    [[ $state != DOWN* ]] || down=$(now_ms)
    sleep 0.05
  done
  stop_instance "$n" KILL # reaps it
  # Its requests in flight when it died: those HAProxy had forwarded to it and saw break (eresp,
  # response errors: a connection refused after the death is econ, and retried elsewhere), or the
  # requests it had open (scur) just before or after the kill when that is more.
  broken=$(($(instance_stat "$n" eresp) - broken))
  in_flight=$(max "$in_flight" "$broken")
  stot_down=$(instance_stat "$n" stot)
  sleep 3
  stot_later=$(instance_stat "$n" stot)
  started=$(now_ms)
  start_instance "$n"
  wait_ready "$n"
  haproxy_command "set server $BACKEND/s$n state ready" >/dev/null
  until [[ $(instance_stat "$n" status) == UP ]] || (($(now_ms) - started > 300000)); do sleep 0.1; done
  rejoined=$(now_ms)
  sleep 3
  stop_loads "$dir"
  verify "$dir" || true
  write_failed=$(failed "$dir/write/load.properties" status_counts '^20[14]$')
  read_failed=$(failed "$dir/read/load.properties" status_all '^200$')
  local out_ms=$((${down:-$((killed + 99999))} - killed))
  row "kill -9 of one instance: only its requests in flight fail" \
    "$(verdict test $((write_failed + read_failed)) -le "$in_flight")" \
    "$((write_failed + read_failed)) failed, $in_flight in flight on it (HAProxy: $broken of its requests broke); $(load_figures "$dir")"
  row "HAProxy takes the dead instance out within ${CHECK_BOUND_MS} ms" \
    "$(verdict test "$out_ms" -le "$CHECK_BOUND_MS" -a "$stot_down" = "$stot_later")" \
    "DOWN $out_ms ms after the kill; requests sent to it after that: $((stot_later - stot_down))"
  row "Instance death: nothing acknowledged lost" "$(verdict no_loss "$dir")" "$(verified "$dir")"
  row "The instance rejoins after a restart" "$(verdict test "$(instance_stat "$n" status)" = UP)" \
    "UP in HAProxy $(((rejoined - started) / 1000)) s after its start (its start-up time, under load)"
}

check_failover() {
  local dir=$OUT/failover write_bad read_ok first stopped promoted
  say "PostgreSQL failover under load"
  mkdir -p "$dir/write" "$dir/read"
  start_loads "$dir" fo
  sleep 5
  FAILOVER_PAUSE=$FAILOVER_PAUSE failover
  stopped=$(epoch_ms "$FAILOVER_STOPPED_AT")
  promoted=$(epoch_ms "$FAILOVER_PROMOTED_AT")
  # The read load's outage: down at the stop, back at the promotion.
  local event
  for event in write read; do
    printf '%s\n' "down_epoch_ms=$stopped" "restart_epoch_ms=$promoted" "up_epoch_ms=$promoted" \
      >"$dir/$event/events.properties"
  done
  sleep 15
  stop_loads "$dir"
  verify "$dir" || true
  write_bad=$(failed "$dir/write/load.properties" status_counts '^(201|204|503)$')
  read_ok=$(value "$dir/read/load.properties" ok)
  first=$(value "$dir/write/load.properties" first_ack_after_recovery_ms)
  row "Failover: nothing acknowledged lost (synchronous replication)" "$(verdict no_loss "$dir")" "$(verified "$dir")"
  row "Failover: only 503 while no primary (never 401, no timeout)" \
    "$(verdict test "$write_bad" = 0 -a "$read_ok" = true)" \
    "no primary for $(((promoted - stopped) / 100))00 ms; reads during it $(value "$dir/read/load.properties" status_during), max $(value "$dir/read/load.properties" max_latency_during_ms) ms; writes $(value "$dir/write/load.properties" status_counts); $(value "$dir/read/load.properties" problems)"
  row "Failover: serving again within 10 s of the promotion, no restart" \
    "$(verdict test "${first:--1}" -ge 0 -a "${first:--1}" -le 10000)" \
    "first acknowledged write ${first} ms after the promotion; reads at 90 % of the earlier rate after $(value "$dir/read/load.properties" recovery_seconds) s"
}

write_table() {
  local minutes=$(((SECONDS - STARTED_AT + 30) / 60))
  {
    echo "# make cluster-check, $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "$(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); ${INSTANCES:-3} × ${SERVERS:-payara-micro} behind HAProxy;" \
      "loads: $WRITERS writers + $READERS readers (client timeout $CLIENT_TIMEOUT s); seed $SEED; run took $minutes min."
    echo
    echo "| Check | Result | Figures |"
    echo "|---|---|---|"
    printf '%s\n' "${ROWS[@]}"
  } >"$TABLE"
  echo
  cat "$TABLE"
}

main() {
  say "seed $SEED (CLUSTER_CHECK_SEED=$SEED repeats it)"
  rm -rf "$OUT"
  mkdir -p "$OUT"
  say "building the WAR and the tools"
  ./mvnw -q package -DskipTests
  tool_classpath
  on_exit write_table
  on_exit cluster_down
  on_exit kill_loads
  trap 'exit 130' INT TERM
  cluster_up
  cluster_load_env
  service_environment
  plant_expired_sessions
  local check
  for check in $CHECKS; do "check_$check"; done
  ((FAILS == 0))
}

main "$@"
