#!/usr/bin/env bash
# Lints the OpenAPI document the build wrote (target/openapi/openapi.yaml, the one the WAR
# serves) with Redocly's recommended rules, every warning an error; exceptions, each with its
# reason, are in tools/openapi/. Installs the pinned linter from the npm registry on first use.
#   scripts/lint-openapi.sh        (after ./mvnw package or verify)
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
TOOLS=$ROOT/tools/openapi
DOCUMENT=$ROOT/target/openapi/openapi.yaml

[[ -f $DOCUMENT ]] || { say "no $DOCUMENT; build first (./mvnw package)" >&2; exit 2; }
[[ -x $TOOLS/node_modules/.bin/redocly ]] \
  || npm ci --prefix "$TOOLS" --no-audit --no-fund --loglevel=error >/dev/null
"$TOOLS/node_modules/.bin/redocly" lint "$DOCUMENT" --config "$TOOLS/redocly.yaml" \
  --format=stylish
