#!/usr/bin/env bash
# Prints the mutation score of PIT's XML report, overall and per package, for `make mutation`:
#
#   scripts/mutation-score.sh [target/pit-reports/mutations.xml]
#
#   mutation score: 85% (killed 240 of 282)
#     io.cleanusers.domain.user             98% (killed 120 of 122)
#     ...
#
# "Killed" is what PIT calls detected (killed, timed out, memory error, run error); the total
# includes the mutants no test reaches, as in PIT's own score. Needs only bash, grep and awk.
set -euo pipefail
LIB_PREFIX="mutation score"
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

report=${1:-target/pit-reports/mutations.xml}
[[ -s $report ]] || die "no report at $report (did PIT run?)"

# One <mutation ...> element per line in PIT's report; pull out detected= and the class.
grep -o "<mutation [^>]*detected=[\"'][a-z]*[\"'].*</mutatedClass>" "$report" \
  | sed -E "s/.*detected=[\"']([a-z]+)[\"'].*<mutatedClass>([^<]*)<\/mutatedClass>.*/\1 \2/" \
  | awk '
      {
        pkg = $2; sub(/\.[^.]*$/, "", pkg)
        total++; n[pkg]++
        if ($1 == "true") { killed++; k[pkg]++ }
      }
      END {
        if (total == 0) { print "mutation score: the report holds no mutants"; exit 1 }
        printf "mutation score: %d%% (killed %d of %d)\n", int(100 * killed / total + 0.5), killed, total
        for (p in n) printf "  %-48s %3d%% (killed %d of %d)\n", p, int(100 * k[p] / n[p] + 0.5), k[p], n[p] | "sort"
      }'
