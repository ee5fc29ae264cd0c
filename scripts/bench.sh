#!/usr/bin/env bash
# make bench: measures the service against its physical limits on this machine and prints ratios
# (docs/benchmarks.md explains the cases and what limits each number).
#
#   scripts/bench.sh [payara-micro|payara-server|wildfly|liberty]      (default payara-micro)
#
# Builds the WAR, starts a throwaway PostgreSQL cluster of its own (target/bench/data, on a free
# port) and the service on the given server (port BENCH_HTTP_PORT, default 18480) with production
# settings (bcrypt cost 12, default pool and hasher sizes, INFO logs), configured by environment
# variables as `make run` is; seeds users straight into the database, logs one session in per
# load connection, warms up, runs
#   P1  auth overhead  GET /api/v1/account/me               vs GET /api/v1/           c=32
#   P1b list of one    GET /api/v1/users/?limit=1 (50 users) vs GET /api/v1/           c=32
#   P2  read side      GET /api/v1/users/?limit=20 (10,000)  vs pgbench of its SQL      c=32
#   P3  login          logins/s of 8 accounts                 vs HASHER_THREADS/t_bcrypt c=8
#   P4  isolation      P1 while 32 connections flood the login route, vs P1 unloaded
#   P5  footprint      seconds from process start to the first 200, resident memory; then the
#                      same server again with a 256 MiB heap and the serial collector, as in a
#                      small container: P1 and P2 again, and its memory
#   P6  CPU per request: the JVM's (and PostgreSQL's) CPU milliseconds per request of the bare
#                      route, P1, P2 and a login at bcrypt cost 4, from /proc
# with wrk and pgbench for BENCH_SECONDS each (default 30), prints the table and writes it to
# target/bench/results-SERVER.md and .json. Exit status 1 when a target is missed. Everything it
# started is stopped on exit, whatever happens. BENCH_PROFILE=1 also records the service with Java
# Flight Recorder during the measured runs of P1 and P2 (target/bench/p1.jfr, p2.jfr). P3's
# t_bcrypt is timed by io.cleanusers.tools.bench.BcryptTiming (src/test/java/io/cleanusers/tools),
# run on the build's test classpath (run_tool).
set -euo pipefail

SAY_FD=2 # bench says everything on stderr
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SERVER=${1:-payara-micro}
OUT="$ROOT/target/bench"
LUA="$ROOT/scripts/bench"
# Below Linux's ephemeral range (32768-60999): a client socket that happens to hold a port in
# that range makes PostgreSQL's bind fail (seen once, just after a run of make stress).
PG_PORT="" # a free one, chosen by scripts/postgres.sh own (start_database)
HTTP_PORT=${BENCH_HTTP_PORT:-18480}
SECONDS_PER_CASE=${BENCH_SECONDS:-30}
WARMUP_SECONDS=${BENCH_WARMUP_SECONDS:-15}
WARMUP_ROUNDS=${BENCH_WARMUP_ROUNDS:-4}          # P1's warm-up: at least this many rounds
WARMUP_MAX_ROUNDS=${BENCH_WARMUP_MAX_ROUNDS:-20} # any warm-up: at most this many
# P5's small container: a 256 MiB heap with the serial collector, which the JVM picks by itself in
# a container with less than about 1.8 GB or one CPU (this machine is neither, so it is named);
# G1 at this heap size costs P1 and P2 a third to a half (docs/benchmarks.md). BENCH_SMALL_HEAP
# replaces the options, e.g. BENCH_SMALL_HEAP=-Xmx256m to see G1's figures.
SMALL_HEAP=${BENCH_SMALL_HEAP:--Xmx256m -XX:+UseSerialGC}
JCMD=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
JSTAT=${JAVA_HOME:+$JAVA_HOME/bin/}jstat
BASE="http://127.0.0.1:$HTTP_PORT"
# Every seeded account shares the bootstrap super admin's hash, hence its password.
PASSWORD="Bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
PEPPER="bench-pepper-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
LOAD_CONNECTIONS=32
LOGIN_CONNECTIONS=8
CLOCK_TICKS=$(getconf CLK_TCK)

# --- Clean-up -----------------------------------------------------------------------------

SERVER_PID="" # set by start_server
FLOOD_PID=""
# The clean-ups, run at exit in the reverse order: the load, the service, the database.
# shellcheck disable=SC2016 # on_exit expands them then
register_cleanups() {
  on_exit 'CLEAN_USERS_DATA="$OUT/data" POSTGRES_PORT=$PG_PORT "$ROOT/scripts/postgres.sh" stop >/dev/null 2>&1'
  on_exit 'stop_server "$SERVER_PID" 30'
  on_exit '[[ -z $FLOOD_PID ]] || kill "$FLOOD_PID" 2>/dev/null'
}

# --- Database -------------------------------------------------------------------------------

PGDIR=""
export PGPASSWORD=cleanusers
sql() { psql -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U cleanusers -d cleanusers "$@"; }
# As the cluster's superuser, through the socket in the cluster's own directory.
superuser_sql() { (cd / && runuser -u postgres -- psql -X -q -A -t -v ON_ERROR_STOP=1 -h "$PGDIR" -p "$PG_PORT" -U postgres "$@"); }

start_database() {
  mkdir -p "$OUT/data"
  CLEAN_USERS_DATA="$OUT/data" POSTGRES_DB=cleanusers POSTGRES_USER=cleanusers \
    POSTGRES_PASSWORD=$PGPASSWORD "$ROOT/scripts/postgres.sh" own >&2
  read -r _ PGDIR PG_PORT <"$OUT/data/postgres.started"
  # A fresh database on every run, whatever an earlier run left.
  superuser_sql -d postgres -c "DROP DATABASE IF EXISTS cleanusers" -c "CREATE DATABASE cleanusers OWNER cleanusers"
}

# --- Service --------------------------------------------------------------------------------

STARTUP_SECONDS=""
# The service on $SERVER through scripts/servers/, configured by environment variables as `make
# run` configures it. JVM_OPTIONS (e.g. -Xmx256m) reach the server's JVM as JAVA_OPTS, or as
# JVM_ARGS on Open Liberty.
start_service() {
  if port_busy "$HTTP_PORT"; then die "port $HTTP_PORT is taken (set BENCH_HTTP_PORT)"; fi
  local started waited=0 options=${JVM_OPTIONS:-}
  [[ ${BENCH_PROFILE:-0} != 1 ]] || options+=" -XX:FlightRecorderOptions:stackdepth=256 -XX:StartFlightRecording:name=bench,settings=profile"
  started=$(date +%s%N)
  POSTGRES_HOST=127.0.0.1 POSTGRES_PORT=$PG_PORT POSTGRES_DB=cleanusers POSTGRES_USER=cleanusers \
    POSTGRES_PASSWORD=$PGPASSWORD POSTGRES_DATASOURCE='' SECURITY_PASSWORD_PEPPER=$PEPPER \
    SECURITY_PASSWORD_BCRYPT_COST=12 SECURITY_PASSWORD_HASHER_THREADS=0 \
    SECURITY_AUTH_SESSION_TTL_MIN=60 LOGS_LEVEL=INFO BOOTSTRAP_SUPER_ADMIN_USERNAME=bench.root \
    BOOTSTRAP_SUPER_ADMIN_PASSWORD=$PASSWORD JAVA_OPTS=$options JVM_ARGS=$options \
    start_server "$SERVER" "$HTTP_PORT" "$OUT/server.log"
  POLL_SECONDS=0.1 wait_for_http "$BASE/api/v1/" 300 "$SERVER_PID" || waited=$?
  ((waited != 2)) || die "the service exited; see $OUT/server.log"
  ((waited != 1)) || die "no 200 from $BASE/api/v1/ within 300 s; see $OUT/server.log"
  STARTUP_SECONDS=$(awk -v ns=$(($(date +%s%N) - started)) 'BEGIN { printf "%.1f", ns / 1e9 }')
  JVM_PID=$(jvm_of "$SERVER_PID") || die "found no java process under $SERVER_PID"
  say "$SERVER answered after $STARTUP_SECONDS s (JVM pid $JVM_PID)"
}

stop_service() {
  stop_server "$SERVER_PID" 30
  SERVER_PID=""
}

# The server's JVM: the largest java process among PID and the processes below it (Payara
# Server's asadmin is a java process too, and starts the server's JVM below itself).
jvm_of() {
  local pids
  pids=$(descendants "$1" | paste -sd,)
  ps -o rss=,pid=,comm= -p "$1${pids:+,$pids}" | awk '$3 == "java" && $1 > max { max = $1; pid = $2 } END { if (!pid) exit 1; print pid }'
}

resident_mib() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$JVM_PID/status"; }

# Accounts PREFIX01..PREFIXnn with ROLE, all with the bench password (the root's hash).
seed_accounts() {
  local prefix=$1 count=$2 role=$3
  sql -c "INSERT INTO users SELECT gen_random_uuid(), '$prefix' || lpad(n::text, 2, '0'),
            (SELECT password_hash FROM users WHERE username = 'bench.root'), '$role', true, now(), now()
          FROM generate_series(1, $count) n"
}

# Plain users until there are TOTAL in all, then fresh planner statistics and visibility map.
seed_users_up_to() {
  sql -c "INSERT INTO users SELECT gen_random_uuid(), 'bench.u' || lpad(n::text, 5, '0'),
            (SELECT password_hash FROM users WHERE username = 'bench.root'), 'user', true,
            now() - n * interval '1 minute', now() - n * interval '1 minute'
          FROM generate_series((SELECT count(*) FROM users) + 1, $1) n"
  sql -c "VACUUM ANALYZE users" # what autovacuum does soon after such an insert
}

# Logs ACCOUNT in and prints its "access_token=..." cookie. Tries again for a while: right after
# a login case the hasher may still be busy with the logins in flight, and a login that cannot get
# a slot within 1 s is answered 503 (docs/contract/accounts.md#hasher-pool).
log_in() {
  local attempt cookie
  for attempt in 1 2 3 4 5; do
    cookie=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \
      -d "{\"username\":\"$1\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/account/login" |
      sed -nE 's/^[Ss]et-[Cc]ookie: (access_token=[^;]*).*/\1/p')
    [[ -z $cookie ]] || { echo "$cookie"; return; }
    sleep "$attempt"
  done
  die "login of $1 failed 5 times"
}

# One fresh session per load connection, in $BENCH_COOKIES. Fresh for each case: a token carries
# its expiry (SESSION_TTL_MIN, 5 min) and wrk never takes the renewed cookie a response sends.
log_in_sessions() {
  say "logging in $LOAD_CONNECTIONS sessions, one per load connection"
  local n
  : >"$OUT/cookies"
  for n in $(seq -w 1 $LOAD_CONNECTIONS); do log_in "bench.a$n" >>"$OUT/cookies"; done
}

# --- Load -----------------------------------------------------------------------------------

# Runs wrk with SCRIPT over URL at C connections (one thread each) for S seconds and sets
# R_RPS, R_P99_MS, R_ERRORS, R_NON2XX, R_STATUSES... from its RESULT line (see report.lua).
wrk_run() {
  local script=$1 connections=$2 seconds=$3 url=$4 line
  line=$(BENCH_LUA_DIR="$LUA" wrk -t "$connections" -c "$connections" -d "${seconds}s" --timeout 10s \
    -s "$LUA/$script" "$url" | grep '^RESULT ') || die "wrk $script $url printed no result"
  eval "$(result_variables <<<"$line")"
}

# The RESULT line on stdin as shell assignments: requests=1 -> R_REQUESTS=1.
result_variables() { grep '^RESULT ' | sed -E 's/^RESULT //; s/([a-z0-9_]+)=/R_\U\1=/g'; }

# Runs a command and, when BENCH_PROFILE=1, saves what Java Flight Recorder saw meanwhile to
# target/bench/NAME.jfr. The recording runs from the service's start: starting one later makes
# the JVM drop its compiled code, and the numbers with it.
profiled() {
  local name=$1 begin
  shift
  begin=$(date -u +%FT%TZ)
  "$@"
  [[ ${BENCH_PROFILE:-0} != 1 ]] ||
    "$JCMD" "$JVM_PID" JFR.dump name=bench filename="$OUT/$name.jfr" begin="$begin" end="$(date -u +%FT%TZ)" >/dev/null
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
at_least() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }' && echo PASS || echo FAIL; }
at_most() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }' && echo PASS || echo FAIL; }

# --- Results --------------------------------------------------------------------------------

ROWS=() # case|measured|baseline|ratio|target|result
row() { ROWS+=("$1|$2|$3|$4|$5|$6"); }

print_results() {
  local header="case|measured|baseline|ratio|target|result" r
  {
    printf '%s\n' "$header" "${ROWS[@]}" | column -t -s '|'
  } >&2
  {
    echo "| ${header//|/ | } |"
    echo "|---|---|---|---|---|---|"
    for r in "${ROWS[@]}"; do echo "| ${r//|/ | } |"; done
  } >"$OUT/results-$SERVER.md"
  {
    echo '{"server": "'"$SERVER"'", "machine": {"cores": '"$(nproc)"', "cpu": "'"$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"'"},'
    echo ' "cases": ['
    local i=0 IFS='|' c m b q t s
    for r in "${ROWS[@]}"; do
      read -r c m b q t s <<<"$r"
      ((i++ == 0)) || echo ','
      printf '  {"case": "%s", "measured": "%s", "baseline": "%s", "ratio": "%s", "target": "%s", "result": "%s"}' \
        "$c" "$m" "$b" "$q" "$t" "$s"
    done
    printf '\n]}\n'
  } >"$OUT/results-$SERVER.json"
  say "wrote $OUT/results-$SERVER.md and .json"
}

# --- The SQL of one request, for pgbench ----------------------------------------------------

# Logs every statement the service sends while it answers one GET of URL with COOKIE, and writes
# them as a pgbench script (target/bench/p2-service.sql; the logged parameters become pgbench
# variables, in target/bench/p2-service.vars, one -DNAME=VALUE option per line).
capture_sql() {
  local url=$1 cookie=$2 log="$PGDIR/server.log" from
  superuser_sql -d postgres -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null
  sleep 1
  from=$(wc -l <"$log")
  curl -sf -o /dev/null -H "Cookie: $cookie" "$url" || die "GET $url failed"
  sleep 1
  superuser_sql -d postgres -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null
  tail -n "+$((from + 1))" "$log" | awk -v vars="$OUT/p2-service.vars" '
    / LOG:  statement: ALTER SYSTEM RESET log_statement/ { exit } # ours: the capture is over
    # "LOG:  execute <name>: SQL" then, when it has any, "DETAIL:  parameters: $1 = '\''v'\'', ..."
    / LOG:  (execute [^:]*|statement): / { flush(); sub(/.* LOG:  (execute [^:]*|statement): /, ""); stmt = $0; n++
      # The service purges expired sessions once a minute on its own; when that falls into the
      # capture, it is not part of the request.
      if (stmt ~ /^delete from auth_sessions where expiration <= /) stmt = ""
      next
    }
    / DETAIL:  parameters: / && stmt != "" {
      sub(/.* DETAIL:  parameters: /, "")
      while (match($0, /\$[0-9]+ = '\''[^'\'']*'\''/)) {
        p = substr($0, RSTART, RLENGTH); k = p; sub(/ = .*/, "", k); sub(/^\$/, "", k)
        v = p; sub(/^[^'\'']*'\''/, "", v); sub(/'\''$/, "", v)
        printf "-Ds%dp%s=%s\n", n, k, v >> vars
        stmt = bind(stmt, k, "s" n "p" k)
        $0 = substr($0, RSTART + RLENGTH)
      }
      next
    }
    function flush() { if (stmt != "") print stmt ";"; stmt = "" }
    # STMT with the placeholder $K (not $K0...) replaced by the pgbench variable :NAME.
    function bind(stmt, k, name,   out, i, rest) {
      out = ""
      while ((i = index(stmt, "$" k)) > 0) {
        rest = substr(stmt, i + 1 + length(k))
        out = out substr(stmt, 1, i - 1) (rest ~ /^[0-9]/ ? "$" k : ":" name)
        stmt = rest
      }
      return out stmt
    }
    END { flush() }' >"$OUT/p2-service.sql"
  [[ -s $OUT/p2-service.sql ]] || die "PostgreSQL logged no statement for GET $url"
}

pgbench_tps() {
  local connections=$1 seconds=$2 out variables=()
  if [[ -f $OUT/p2-service.vars ]]; then mapfile -t variables <"$OUT/p2-service.vars"; fi # values may hold spaces
  out=$(pgbench -n -M prepared -c "$connections" -j "$(nproc)" -T "$seconds" -f "$OUT/p2-service.sql" \
    "${variables[@]}" -h 127.0.0.1 -p "$PG_PORT" -U cleanusers cleanusers 2>&1) ||
    die "pgbench failed: $out"
  awk '/^tps = / { printf "%.1f", $3; exit }' <<<"$out"
}

# --- CPU per request ----------------------------------------------------------------------

# CPU ticks so far of the server's JVM (user + system, all threads).
jvm_ticks() { sed 's/.*) //' "/proc/$JVM_PID/stat" | awk '{ print $12 + $13 }'; }

# CPU ticks so far of the whole PostgreSQL cluster: the postmaster with what it reaped, and every
# live backend and helper process below it.
pg_ticks() {
  local postmaster child
  postmaster=$(head -n 1 "$PGDIR/postmaster.pid")
  {
    sed 's/.*) //' "/proc/$postmaster/stat" | awk '{ print $12 + $13 + $14 + $15 }'
    for child in $(pgrep -P "$postmaster"); do
      sed 's/.*) //' "/proc/$child/stat" 2>/dev/null | awk '{ print $12 + $13 }'
    done
  } | awk '{ t += $1 } END { print t }'
}

# Seconds the JVM has spent collecting garbage so far (jstat's GCT); empty without counters.
gc_seconds() { "$JSTAT" -gc "$JVM_PID" 2>/dev/null | awk 'NR == 2 { print $NF }'; }

# measured_run wrk_run ARGS...: wrk_run, and R_JVM_MS / R_PG_MS, the CPU milliseconds per request
# the JVM and PostgreSQL spent meanwhile, and R_GC_SHARE, the share of the run's wall-clock time
# the JVM spent collecting garbage ("unknown" without counters).
measured_run() {
  local jvm pg gc
  jvm=$(jvm_ticks)
  pg=$(pg_ticks)
  gc=$(gc_seconds)
  "$@"
  R_JVM_MS=$(per_request $(($(jvm_ticks) - jvm)))
  R_PG_MS=$(per_request $(($(pg_ticks) - pg)))
  R_GC_SHARE=$(awk -v a="$gc" -v b="$(gc_seconds)" -v s="$R_SECONDS" \
    'BEGIN { if (a == "" || b == "" || s <= 0) print "unknown"; else printf "%.3f", (b - a) / s }')
}
per_request() { awk -v t="$1" -v hz="$CLOCK_TICKS" -v n="$R_REQUESTS" 'BEGIN { printf "%.3f", (n > 0 ? t * 1000 / hz / n : 0) }'; }

# P6's rows: one per measured request kind, filled in by the cases as they run.
cpu_row() { row "P6 CPU ms/request: $1" "$R_JVM_MS" "PostgreSQL $R_PG_MS" "-" "reported" "-"; }

# --- Cases ----------------------------------------------------------------------------------

ROOT_URL="$BASE/api/v1/"
ME_URL="$BASE/api/v1/account/me"
LIST_ONE_URL="$BASE/api/v1/users/?limit=1"
LIST_URL="$BASE/api/v1/users/?limit=20"
P1_RPS=""
P1_P99=""
P1_GC_SHARE=""
P2_RPS=""
P2_GC_SHARE=""

# Seconds the JVM's JIT compilers have worked so far; empty when the JVM publishes no counters.
jit_seconds() { "$JSTAT" -compiler "$JVM_PID" 2>/dev/null | awk 'NR == 2 { print $4 }'; }
JIT_SETTLED=0.05 # compiler seconds per second of load below which the JIT counts as settled
jit_settled() { [[ -n $1 ]] && awk -v j="$1" -v limit="$JIT_SETTLED" 'BEGIN { exit !(j < limit) }'; }

# warm_up NAME MIN URL...: rounds of WARMUP_SECONDS on each URL until the JIT has settled, that
# is until a round kept it compiling less than JIT_SETTLED of the time: at least MIN rounds, at
# most WARMUP_MAX_ROUNDS. On 2 cores Payara Micro's C2 compiles for a whole core through the
# first five or six rounds of P1's routes, and a ratio measured meanwhile moved by a tenth from
# run to run. Adds a row saying how long it took. Without JIT counters: MIN rounds.
warm_up() {
  local name=$1 min=$2 round before after share="" url
  shift 2
  say "warm-up for $name: rounds of $WARMUP_SECONDS s on each of $* (c=$LOAD_CONNECTIONS) until the JIT settles"
  for round in $(seq "$WARMUP_MAX_ROUNDS"); do
    before=$(jit_seconds)
    for url in "$@"; do wrk_run session.lua $LOAD_CONNECTIONS "$WARMUP_SECONDS" "$url"; done
    after=$(jit_seconds)
    if [[ -n $before && -n $after ]]; then
      share=$(awk -v a="$before" -v b="$after" -v s=$((WARMUP_SECONDS * $#)) 'BEGIN { printf "%.2f", (b - a) / s }')
      say "warm-up round $round: the JIT compilers worked $share s per second of load"
      ((round < min)) || ! jit_settled "$share" || break
    elif ((round >= min)); then
      break
    fi
  done
  row "$name warm-up (rounds of ${WARMUP_SECONDS} s x $#)" "$round" "JIT ${share:-unknown}" "-" "JIT < $JIT_SETTLED" \
    "$(jit_settled "$share" && echo settled || echo unsettled)"
}

# A measured run of URL with a session per connection, which must see no error and no refusal.
session_run() {
  local name=$1 url=$2
  measured_run wrk_run session.lua $LOAD_CONNECTIONS "$SECONDS_PER_CASE" "$url"
  ((R_ERRORS + R_NON2XX == 0)) || die "$name: $R_ERRORS failed and $R_NON2XX refused requests on $url"
}

case_p1_auth_overhead() {
  log_in_sessions
  warm_up P1 "$WARMUP_ROUNDS" "$ROOT_URL" "$ME_URL"
  say "P1: $SECONDS_PER_CASE s each of GET /api/v1/, GET /api/v1/account/me and GET /api/v1/users/?limit=1 (c=$LOAD_CONNECTIONS)"
  session_run P1 "$ROOT_URL"
  local root_rps=$R_RPS
  cpu_row "bare route GET /api/v1/"
  profiled p1 session_run P1 "$ME_URL"
  P1_RPS=$R_RPS P1_P99=$R_P99_MS P1_GC_SHARE=$R_GC_SHARE
  cpu_row "P1 GET /api/v1/account/me"
  row "P1 auth overhead (req/s)" "$P1_RPS" "$root_rps" "$(ratio "$P1_RPS" "$root_rps")" ">= 0.6" \
    "$(at_least "$(ratio "$P1_RPS" "$root_rps")" 0.6)"
  warm_up P1b 1 "$LIST_ONE_URL"
  session_run P1b "$LIST_ONE_URL"
  row "P1b list of one (req/s)" "$R_RPS" "$root_rps" "$(ratio "$R_RPS" "$root_rps")" ">= 0.5" \
    "$(at_least "$(ratio "$R_RPS" "$root_rps")" 0.5)"
}

# Logins/s of R_STATUSES' 204 count over the run.
logins_per_second() { awk -v s="$R_STATUSES" -v t="$R_SECONDS" 'BEGIN { n = 0; if (match(s, /204:[0-9]+/)) n = substr(s, RSTART + 4, RLENGTH - 4); printf "%.2f", n / t }'; }

login_run() {
  local prefix=$1 seconds=$2
  BENCH_LOGIN_PREFIX=$prefix BENCH_LOGIN_PASSWORD=$PASSWORD measured_run wrk_run login.lua $LOGIN_CONNECTIONS \
    "$seconds" "$BASE/api/v1/account/login"
}

case_p3_login() {
  local threads t_bcrypt limit logins
  threads=$((($(nproc) - 1) > 1 ? $(nproc) - 1 : 1)) # HASHER_THREADS=0: max(1, CPU count - 1)
  t_bcrypt=$(run_tool io.cleanusers.tools.bench.BcryptTiming 12 9 | sed -n 's/^t_bcrypt=//p')
  limit=$(awk -v n="$threads" -v t="$t_bcrypt" 'BEGIN { printf "%.2f", n / t }')
  say "P3: t_bcrypt = $t_bcrypt s at cost 12, so $threads hasher thread(s) allow $limit logins/s; $SECONDS_PER_CASE s of logins (c=$LOGIN_CONNECTIONS)"
  login_run bench.a 5
  login_run bench.a "$SECONDS_PER_CASE"
  logins=$(logins_per_second)
  row "P3 login (logins/s, $R_STATUSES)" "$logins" "$limit" "$(ratio "$logins" "$limit")" ">= 0.9" \
    "$(at_least "$(ratio "$logins" "$limit")" 0.9)"
}

# A login's own cost with the hash out of the way: accounts whose hash has bcrypt cost 4, made
# in SQL as the service makes it (bcrypt of the Base64 HMAC-SHA256 of the password with the
# pepper, pgcrypto); verification follows the cost written in the hash.
case_p6_cheap_login() {
  superuser_sql -d cleanusers -c "CREATE EXTENSION IF NOT EXISTS pgcrypto" >/dev/null
  sql -c "INSERT INTO users SELECT gen_random_uuid(), 'bench.c' || lpad(n::text, 2, '0'),
            crypt(encode(hmac('$PASSWORD', '$PEPPER', 'sha256'), 'base64'), gen_salt('bf', 4)),
            'user', true, now(), now()
          FROM generate_series(1, $LOGIN_CONNECTIONS) n"
  say "P6: logins at bcrypt cost 4 (c=$LOGIN_CONNECTIONS)"
  login_run bench.c "$WARMUP_SECONDS"
  login_run bench.c "$SECONDS_PER_CASE"
  [[ $R_STATUSES == "204:"* && $R_STATUSES != *,* ]] || die "P6: cheap logins answered $R_STATUSES"
  cpu_row "login, bcrypt cost 4 ($(logins_per_second)/s)"
}

case_p4_isolation() {
  log_in_sessions
  say "P4: P1 for $SECONDS_PER_CASE s while $LOAD_CONNECTIONS connections flood the login route"
  BENCH_LOGIN_PREFIX=bench.a BENCH_LOGIN_PASSWORD=$PASSWORD BENCH_LUA_DIR="$LUA" wrk -t $LOAD_CONNECTIONS \
    -c $LOAD_CONNECTIONS -d "$((SECONDS_PER_CASE + 6))s" --timeout 10s -s "$LUA/login.lua" \
    "$BASE/api/v1/account/login" >"$OUT/p4-flood.txt" &
  FLOOD_PID=$!
  sleep 3
  wrk_run session.lua $LOAD_CONNECTIONS "$SECONDS_PER_CASE" "$ME_URL"
  local rps=$R_RPS p99=$R_P99_MS refused=$((R_ERRORS + R_NON2XX)) unexpected p99_limit
  wait "$FLOOD_PID"
  FLOOD_PID=""
  eval "$(result_variables <"$OUT/p4-flood.txt")"
  unexpected=$(tr ',' '\n' <<<"$R_STATUSES" | grep -vE '^(204|401|429|503):' | paste -sd, || true)
  p99_limit=$(awk -v p="$P1_P99" 'BEGIN { printf "%.2f", 3 * p }')
  row "P4 isolation (req/s)" "$rps" "$P1_RPS" "$(ratio "$rps" "$P1_RPS")" ">= 0.5" \
    "$( ((refused == 0)) && at_least "$(ratio "$rps" "$P1_RPS")" 0.5 || echo FAIL)"
  row "P4 isolation (p99 ms)" "$p99" "$P1_P99" "$(ratio "$p99" "$P1_P99")" "<= 3" "$(at_most "$p99" "$p99_limit")"
  row "P4 login flood (statuses)" "${R_STATUSES:-none}" "-" "-" "204/401/429/503 only" \
    "$([[ -z $unexpected ]] && ((R_ERRORS == 0)) && echo PASS || echo FAIL)"
}

case_p2_read_side() {
  local cookie
  log_in_sessions
  cookie=$(head -n 1 "$OUT/cookies")
  say "P2: $SECONDS_PER_CASE s of GET /api/v1/users/?limit=20 over $(sql -c 'SELECT count(*) FROM users') users, then pgbench of its SQL (c=$LOAD_CONNECTIONS)"
  warm_up P2 2 "$LIST_URL"
  profiled p2 session_run P2 "$LIST_URL"
  P2_RPS=$R_RPS P2_GC_SHARE=$R_GC_SHARE
  cpu_row "P2 GET /api/v1/users/?limit=20"
  local tps
  capture_sql "$LIST_URL" "$cookie"
  tps=$(pgbench_tps $LOAD_CONNECTIONS "$SECONDS_PER_CASE")
  row "P2 read side (req/s vs SQL tps)" "$P2_RPS" "$tps" "$(ratio "$P2_RPS" "$tps")" ">= 0.7" \
    "$(at_least "$(ratio "$P2_RPS" "$tps")" 0.7)"
}

case_p5_footprint() {
  row "P5 start-up (s to first 200)" "$STARTUP_SECONDS" "-" "-" "reported" "-"
  row "P5 resident memory (MiB)" "$(resident_mib)" "-" "-" "reported" "-"
}

# gc_row CASE DEFAULT_SHARE: the share of CASE's measured run spent collecting garbage with the
# small heap (R_GC_SHARE) next to the default heap's. Two starts of one JVM serve up to about 15 %
# more or less than each other, so the rate ratios above can miss by chance; this share is what
# the small heap itself costs, measured within each start.
gc_row() { row "P5 $1 GC time share, $SMALL_HEAP vs default heap" "$R_GC_SHARE" "$2" "-" "reported" "-"; }

# The same server again with a 256 MiB heap, as in a small container: P1 and P2 must stay within
# 10 % of what they were with the default heap, and the whole JVM under 512 MiB.
case_p5_small_heap() {
  stop_service
  say "P5: $SERVER again with $SMALL_HEAP"
  JVM_OPTIONS=$SMALL_HEAP start_service
  row "P5 start-up, $SMALL_HEAP (s)" "$STARTUP_SECONDS" "-" "-" "reported" "-"
  log_in_sessions
  warm_up "P5 P1" "$WARMUP_ROUNDS" "$ROOT_URL" "$ME_URL"
  session_run "P5 P1" "$ME_URL"
  row "P5 P1 with $SMALL_HEAP (req/s)" "$R_RPS" "$P1_RPS" "$(ratio "$R_RPS" "$P1_RPS")" ">= 0.9" \
    "$(at_least "$(ratio "$R_RPS" "$P1_RPS")" 0.9)"
  gc_row P1 "$P1_GC_SHARE"
  warm_up "P5 P2" 2 "$LIST_URL"
  session_run "P5 P2" "$LIST_URL"
  row "P5 P2 with $SMALL_HEAP (req/s)" "$R_RPS" "$P2_RPS" "$(ratio "$R_RPS" "$P2_RPS")" ">= 0.9" \
    "$(at_least "$(ratio "$R_RPS" "$P2_RPS")" 0.9)"
  gc_row P2 "$P2_GC_SHARE"
  row "P5 resident memory, $SMALL_HEAP (MiB)" "$(resident_mib)" "-" "-" "<= 512" "$(at_most "$(resident_mib)" 512)"
}

# --- Main -----------------------------------------------------------------------------------

main() {
  [[ -x $ROOT/scripts/servers/$SERVER.sh ]] || die "unknown server '$SERVER' (payara-micro, payara-server, wildfly or liberty)"
  install_missing wrk curl pgbench:postgresql-client
  register_cleanups
  trap 'exit 130' INT TERM
  say "building the WAR and the tools"
  (cd "$ROOT" && ./mvnw -q package -DskipTests)
  tool_classpath
  rm -rf "$OUT/results-$SERVER".* "$OUT/p2-service.vars"
  start_database
  start_service
  seed_accounts bench.a $LOAD_CONNECTIONS admin # P3 logs in 01-08, P4 floods with 01-32
  seed_users_up_to 50
  export BENCH_COOKIES="$OUT/cookies"
  case_p1_auth_overhead
  case_p6_cheap_login
  case_p3_login
  case_p4_isolation
  seed_users_up_to 10000
  case_p2_read_side
  case_p5_footprint
  case_p5_small_heap
  print_results
  ! printf '%s\n' "${ROWS[@]}" | grep -q '|FAIL$'
}

main "$@"
