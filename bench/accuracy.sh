#!/usr/bin/env bash
# The accuracy audit (bench/ACCURACY.md): diagnoses every situation of features/situations.txt
# end to end (SituationsTest) and prints how many get the category and cause the guide and the
# reference give, then one Markdown row per situation.
#   bench/accuracy.sh            run the test, then count
#   bench/accuracy.sh --counted  only count, from the last run's report
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
report="$root/features/target/surefire-reports/dev.xtreamdoctor.features.SituationsTest-output.txt"
if [[ "${1:-}" != "--counted" ]]; then
  (cd "$root" && mvn -B -ntp -q verify -pl features -am -Dtest=SituationsTest \
    -Dsurefire.failIfNoSpecifiedTests=false) >/dev/null 2>&1 || true
fi
[[ -f "$report" ]] || { echo "no report at $report: the build failed before the test ran" >&2; exit 1; }
total=$(grep -c '^SITUATION ' "$report")
right=$(grep -c '^SITUATION .* | ok$' "$report" || true)
echo "$right of $total situations get the expected category and cause"
echo
echo "| situation | expected | the doctor says |"
echo "|---|---|---|"
grep '^SITUATION ' "$report" | sed -E 's/^SITUATION ([^|]*) \| ([^|]*) \| ([^|]*) \| (ok|WRONG)$/| \1 | \2 | \3 \4 |/; s/ ok \|$/ |/; s/ WRONG \|$/ (wrong) |/'
