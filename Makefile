# clean-users: build, run and test the service. `make` alone lists the targets.
# Everything goes through the Maven wrapper (./mvnw): a JDK 17 is all a machine needs.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

MVNW := ./mvnw
# Prints every configuration key (config.toml + environment overrides) as NAME='value' after
# validating them all; exits 1 with a one-line message on a bad value.
DOTENV := $(MVNW) -q compile exec:java -Dexec.args=dotenv
# Keep only those lines, whatever else Maven might print.
ENV_LINES := grep -E "^[A-Z][A-Z0-9_]*='[^']*'$$"
DB := scripts/postgres.sh
# The tests' own PostgreSQL: a throwaway cluster on a free port (or TEST_DATABASE_URL), never the
# configured one, so a server that already runs on the machine changes nothing.
TEST_DATA := $(CURDIR)/target/test-db
TEST_DB := CLEAN_USERS_DATA=$(TEST_DATA) $(DB)
# Load where `ensure` / `own` settled the database into the environment (POSTGRES_HOST, ...).
SETTLED = set -a; . "$(1)/postgres.env"; set +a

# The server `make run` uses: payara-micro (default), payara-server, wildfly or liberty.
SERVER ?= payara-micro
# The servers `make test-servers` runs the integration suite on, besides make test's Payara Micro.
OTHER_SERVERS := payara-server wildfly liberty
# Unit tests and static analysis ran in `make test`; test-servers runs only the integration suite.
ITS_ONLY := -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dspotbugs.skip

.PHONY: help build run test test-servers mutation server-smoke stress bench cluster cluster-check migrate dotenv db-stop clean

help: ## List the targets
	@echo "Targets (make <target>):"
	@awk 'BEGIN { FS = ":.*## " } /^[a-z-]+:.*## / { printf "  %-13s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

build: ## Build target/clean-users.war (Maven also fetches Payara Micro into target/)
	$(MVNW) -q package -DskipTests

run: build ## Build, bring up PostgreSQL if needed, serve at http.PORT (SERVER=payara-micro|payara-server|wildfly|liberty)
	$(DB) ensure
	@$(call SETTLED,.data); config=$$($(DOTENV) | $(ENV_LINES)); eval "$$config"; \
	exec scripts/serve.sh $(SERVER) "$$HTTP_PORT"

# The database is stopped whether the tests pass, fail or are interrupted; the exit status is
# that of the tests (or of `own` when no database could be had).
test: ## Unit, architecture and integration tests (the WAR on Payara Micro, a throwaway PostgreSQL), OpenAPI lint
	@trap 'exit 130' INT TERM; trap '$(TEST_DB) stop' EXIT; \
	$(TEST_DB) own; $(call SETTLED,$(TEST_DATA)); \
	$(MVNW) -B verify; \
	scripts/lint-openapi.sh

# The same integration suite, every class of it, once per server; each server is fetched from
# Maven Central into target/servers/ on first use. Stops at the first server that fails.
test-servers: ## The integration suite on Payara Server, WildFly and Open Liberty
	@trap 'exit 130' INT TERM; trap '$(TEST_DB) stop' EXIT; \
	$(TEST_DB) own; $(call SETTLED,$(TEST_DATA)); \
	for server in $(OTHER_SERVERS); do \
	  echo "=== integration suite on $$server"; \
	  $(MVNW) -B verify $(ITS_ONLY) -Dit.server=$$server || exit $$?; \
	done

# PIT mutates the domain, application and auth code and runs the unit tests (no database, no
# server) against each mutant; it fails below the pom's mutation.threshold. The score is printed
# from the XML report, pass or fail; the HTML report is target/pit-reports/index.html.
mutation: ## Mutation testing (PIT) of domain, application and auth; fails below 70% killed
	@rm -rf target/pit-reports; status=0; \
	$(MVNW) -B test-compile org.pitest:pitest-maven:mutationCoverage || status=$$?; \
	if [[ -f target/pit-reports/mutations.xml ]]; then scripts/mutation-score.sh; fi; \
	exit $$status

# Installs Payara Server under target/ (from Maven Central) on first use; stops the domain, and
# the database when it started one, pass or fail. See the script's header.
server-smoke: ## Deploy the WAR onto a fresh Payara Server domain with asadmin and check it serves
	scripts/server-smoke.sh

# Its own throwaway PostgreSQL (on a free port) and Payara Micro (18180-18189); about three minutes
# after the build, which also compiles the load driver and checker (src/test/java/io/cleanusers/
# tools/stress) and runs the checker's unit test. Figures in target/stress/summary.md; see the
# script's header.
stress: ## Kill -9 Payara and PostgreSQL under load, a 10 s outage: nothing acknowledged is lost
	scripts/stress.sh

# Its own throwaway PostgreSQL (on a free port) and the service on SERVER (BENCH_HTTP_PORT, default
# 18480), production settings; about 20 to 45 minutes. Table in target/bench/results-SERVER.md and
# .json; exit status 1 when a target is missed. See docs/benchmarks.md.
bench: ## Benchmark P1-P6 on SERVER against this machine's limits (wrk, pgbench) and print ratios
	scripts/bench.sh $(SERVER)

# Three instances (SERVERS=payara-micro,wildfly,liberty to mix) behind HAProxy, a PostgreSQL primary
# with a synchronous standby, all on free ports under target/cluster/; installs haproxy and socat
# when missing. `scripts/cluster.sh up` / `down` do the same without waiting. See docs/scaling.md.
cluster: build ## Three instances behind HAProxy over a primary + standby PostgreSQL; prints the URL, Ctrl-C stops
	scripts/cluster.sh

# A cluster of its own (as `make cluster`), then the checks of docs/scaling.md: the integration suite
# through HAProxy, a rolling restart, kill -9 of an instance and a PostgreSQL failover, under make
# stress's load; about 15 minutes here. Table in target/cluster/check.md; exit 1 on any FAIL.
cluster-check: ## Contract through HAProxy, rolling restart, instance death, DB failover: PASS/FAIL table
	scripts/cluster-check.sh

migrate: ## Apply the database migrations to the configured PostgreSQL (brought up if needed)
	$(DB) ensure
	$(MVNW) -q compile exec:java -Dexec.args=migrate

# Written to a temporary file first, so a failing command leaves any existing .env untouched.
dotenv: ## Write .env (for docker compose) from config.toml and the environment
	@tmp=$$(mktemp .env.XXXXXX); trap 'rm -f "$$tmp"' EXIT; \
	$(DOTENV) | $(ENV_LINES) >"$$tmp"; \
	mv "$$tmp" .env; \
	echo "wrote .env"

db-stop: ## Stop the PostgreSQL that run/test/migrate started (nothing else)
	$(DB) stop

clean: ## Delete target/ (the local database in .data/ and .env stay)
	$(MVNW) -q clean
