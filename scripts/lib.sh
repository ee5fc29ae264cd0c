# shellcheck shell=bash
# Helpers shared by scripts/*.sh and scripts/servers/*.sh; sourced, never run:
#   . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# Safe under set -euo pipefail. Sets ROOT (the checkout). Messages start with LIB_PREFIX (default:
# the script's name without .sh); say writes to SAY_FD (default 1, stdout).

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LIB_PREFIX=${LIB_PREFIX:-$(basename "$0" .sh)}

# --- Messages -----------------------------------------------------------------------------------

# Prints a message with the script's prefix.
say() { echo "$LIB_PREFIX: $*" >&"${SAY_FD:-1}"; }

# Prints a message with the script's prefix on stderr and exits 1.
die() {
  echo "$LIB_PREFIX: $*" >&2
  exit 1
}

# --- Ports --------------------------------------------------------------------------------------

# True when something listens on 127.0.0.1:PORT (bash's /dev/tcp; no extra tool needed).
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Prints a TCP port nobody listens on, from a random start in 20000-29999: below Linux's ephemeral
# range (32768-60999, where an outgoing connection could take it meanwhile), parallel runs differ.
free_port() {
  local port tries
  port=$((20000 + RANDOM % 10000))
  for ((tries = 0; tries < 200; tries++)); do
    if ! port_busy "$port"; then
      echo "$port"
      return
    fi
    port=$((port + 1 > 29999 ? 20000 : port + 1))
  done
  die "found no free port between 20000 and 29999"
}

# --- Servers ------------------------------------------------------------------------------------

# Prints the HTTP status of GET URL (000 when nothing answers within 5 s).
http_status() { curl -s -o /dev/null -m 5 -w '%{http_code}' "$1" || true; }

# wait_for_http URL TIMEOUT [PID [LOG PATTERN]]: waits until GET URL answers 200 (a server can log
# "ready" and still not serve), polling every POLL_SECONDS (default 1); TIMEOUT 0 waits for ever.
# Returns 0 on a 200; 1 after TIMEOUT seconds; 2 when process PID has ended; 3 when LOG holds
# PATTERN (the server says it tried to deploy) and URL still does not answer 200 two seconds later.
# HTTP_STATUS holds the last status seen.
wait_for_http() {
  local url=$1 timeout=$2 pid=${3:-} log=${4:-} pattern=${5:-} deadline=$((SECONDS + $2))
  HTTP_STATUS=$(http_status "$url")
  until [[ $HTTP_STATUS == 200 ]]; do
    if [[ -n $pid ]] && ! kill -0 "$pid" 2>/dev/null; then return 2; fi
    if [[ -n $pattern ]] && grep -Eq "$pattern" "$log" 2>/dev/null; then
      sleep 2
      HTTP_STATUS=$(http_status "$url")
      [[ $HTTP_STATUS == 200 ]] && return 0
      return 3
    fi
    if ((timeout > 0 && SECONDS >= deadline)); then return 1; fi
    sleep "${POLL_SECONDS:-1}"
    HTTP_STATUS=$(http_status "$url")
  done
}

# start_server SERVER PORT LOG [ARG...]: runs scripts/servers/SERVER.sh on target/clean-users.war
# in the background, in a process group of its own (setsid), output to LOG; sets SERVER_PID.
start_server() {
  local server=$1 port=$2 log=$3
  shift 3
  setsid "$ROOT/scripts/servers/$server.sh" "$ROOT/target/clean-users.war" "$port" "$@" >"$log" 2>&1 &
  # shellcheck disable=SC2034 # for the caller
  SERVER_PID=$!
}

# stop_server PID [GRACE]: SIGTERM to the process group PID leads, SIGKILL after GRACE seconds
# when given (else it waits as long as the server takes), then reaps PID and waits up to 20 s
# more for the rest of the group: Payara Server's domain JVM can outlive asadmin, the group's
# leader, and holds the HTTP port until it exits (a bench once found the port taken by the
# server's next start).
stop_server() {
  local pid=$1 grace=${2:-} i
  [[ -n $pid ]] || return 0
  kill -TERM -- "-$pid" 2>/dev/null || true
  if [[ -n $grace ]]; then
    for ((i = 0; i < grace * 2; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
  for ((i = 0; i < 100; i++)); do
    group_alive "$pid" || break
    sleep 0.2
  done
}

# group_alive PGID: whether a process of that group has not exited yet. A zombie does not count,
# unless threads of it are still running: a killed JVM shows as "Zl" for a few seconds while its
# other threads exit, and until the last one has, its listening socket stays open.
group_alive() { ps -e -o pgid=,stat=,nlwp= | awk -v g="$1" '$1 == g && ($2 !~ /^Z/ || $3 > 1) { n++ } END { exit !n }'; }

# Every process below PID (children, their children, ...), one pid a line.
descendants() {
  local child
  for child in $(pgrep -P "$1"); do
    echo "$child"
    descendants "$child"
  done
}

# --- Tools of the test tree ---------------------------------------------------------------------

# tool_classpath: sets TOOL_CLASSPATH to what the tools in the test tree run on (src/test/java/io/
# cleanusers/tools: the stress load driver, the bench's bcrypt timing): the build's test and main
# classes and every dependency of the build. Call it after a build that compiled the test tree
# (./mvnw package does, even with -DskipTests). Maven is asked for the dependencies again only
# when pom.xml is newer than its last answer (target/tools.classpath).
tool_classpath() {
  local deps=$ROOT/target/tools.classpath
  if [[ ! -s $deps || $ROOT/pom.xml -nt $deps ]]; then
    (cd "$ROOT" && ./mvnw -q dependency:build-classpath -Dmdep.outputFile="$deps") >&2 || return
  fi
  TOOL_CLASSPATH=$ROOT/target/test-classes:$ROOT/target/classes:$(<"$deps")
}

# run_tool [JVM-OPTION...] CLASS [ARG...]: runs a tool's main class on TOOL_CLASSPATH (set by
# tool_classpath first when it is not set yet).
run_tool() {
  [[ -n ${TOOL_CLASSPATH:-} ]] || tool_classpath || return
  "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$TOOL_CLASSPATH" "$@"
}

# --- Tools and PostgreSQL ---------------------------------------------------------------------

# install_missing COMMAND[:PACKAGE]...: installs, with apt-get as root, the Debian package of each
# command that is not on PATH (PACKAGE defaults to COMMAND); elsewhere dies naming them.
install_missing() {
  local pair missing=()
  for pair in "$@"; do command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}"); done
  ((${#missing[@]} == 0)) && return
  if ((EUID != 0)) || ! command -v apt-get >/dev/null; then die "please install: ${missing[*]}"; fi
  say "installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Directory of the PostgreSQL server binaries (initdb, pg_ctl), or failure when there are none.
# pg_config may exist without the server (libpq-dev), hence the check for initdb.
pg_bindir() {
  local dir
  if dir=$(pg_config --bindir 2>/dev/null) && [[ -x $dir/initdb ]]; then
    echo "$dir"
    return
  fi
  for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -rV); do
    [[ -x $dir/initdb ]] && echo "$dir" && return
  done
  dir=$(command -v initdb) && echo "${dir%/*}"
}

# Runs a command as the cluster's owner: the postgres OS user when we are root, else ourselves.
# From / so that the tools do not complain about a working directory they cannot read.
as_owner() {
  if ((EUID == 0)); then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# --- Clean-up -----------------------------------------------------------------------------------

LIB_EXIT_COMMANDS=()

# on_exit 'COMMAND' | on_exit WORD...: runs COMMAND (eval'd then) or the WORDs (expanded now)
# when the script exits, the last registered first.
on_exit() {
  if (($# == 1)); then LIB_EXIT_COMMANDS+=("$1"); else LIB_EXIT_COMMANDS+=("$(printf '%q ' "$@")"); fi
  trap lib_run_exit_commands EXIT
}

# The EXIT trap: runs every registered command, each best-effort; exits with the script's status,
# or with EXIT_STATUS when a command sets it.
lib_run_exit_commands() {
  EXIT_STATUS=$?
  trap - EXIT
  local i
  for ((i = ${#LIB_EXIT_COMMANDS[@]} - 1; i >= 0; i--)); do
    eval "${LIB_EXIT_COMMANDS[i]}" || true
  done
  exit "$EXIT_STATUS"
}
