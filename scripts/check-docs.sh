#!/usr/bin/env bash
# Checks Swagger UI at /docs/ of a running service in headless Chromium: lock icons on exactly
# the protected operations, and "Try it out" working after logging in through the UI; saves a
# screenshot (default docs/swagger-ui.png). Installs Debian's chromium (root, apt) and the pinned
# playwright-core (npm) when missing.
#   scripts/check-docs.sh [base-url] [screenshot]     (base-url default http://localhost:8080)
# The account it logs in with: DOCS_USERNAME / DOCS_PASSWORD, else the bootstrap super admin
# (BOOTSTRAP_SUPER_ADMIN_USERNAME / BOOTSTRAP_SUPER_ADMIN_PASSWORD).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
TOOLS=$ROOT/tools/browser
BASE=${1:-http://localhost:8080}
SHOT=${2:-$ROOT/docs/swagger-ui.png}
USERNAME=${DOCS_USERNAME:-${BOOTSTRAP_SUPER_ADMIN_USERNAME:?set DOCS_USERNAME or BOOTSTRAP_SUPER_ADMIN_USERNAME}}
PASSWORD=${DOCS_PASSWORD:-${BOOTSTRAP_SUPER_ADMIN_PASSWORD:?set DOCS_PASSWORD or BOOTSTRAP_SUPER_ADMIN_PASSWORD}}

if ! command -v chromium >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
[[ -d $TOOLS/node_modules/playwright-core ]] \
  || npm ci --prefix "$TOOLS" --no-audit --no-fund --loglevel=error >/dev/null
CHROMIUM=$(command -v chromium) node "$TOOLS/swagger-ui-check.mjs" "$BASE" "$USERNAME" "$PASSWORD" "$SHOT"
