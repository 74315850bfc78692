#!/usr/bin/env bash
# Whole-process wall time of `./xtream-doctor evaluate --facts FILE`: the median of N runs.
# A benchmark, not a test: the machine's load moves the numbers, so the load average is printed.
#   bench/cli-wall.sh [RUNS] [FACTS_FILE]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-10}"
facts="${2:-cli/src/test/resources/facts/rejected.json}"
cmd="./xtream-doctor evaluate --facts $facts"

# The first run builds the jar, makes the CDS archive and fills the rules cache: not measured.
$cmd >/dev/null 2>&1 || true
$cmd >/dev/null 2>&1 || true
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"

if command -v hyperfine >/dev/null; then
  json="$(mktemp)"
  hyperfine --style basic --runs "$runs" --warmup 1 --ignore-failure --export-json "$json" "$cmd"
  python3 - "$json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"][0]
print(f"median wall {r['median']:.3f} s (min {r['min']:.3f}, max {r['max']:.3f}); "
      f"mean user {r['user']:.3f} s, system {r['system']:.3f} s; runs {len(r['times'])}")
PY
  rm -f "$json"
else
  times="$(mktemp)"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S" -a -o "$times" $cmd >/dev/null 2>&1 || true
  done
  sort -n "$times" | awk '{w[NR]=$1; u+=$2; s+=$3} END {
    m = (NR % 2) ? w[(NR+1)/2] : (w[NR/2] + w[NR/2+1]) / 2
    printf "median wall %.3f s (min %.3f, max %.3f); mean user %.3f s, system %.3f s; runs %d\n",
      m, w[1], w[NR], u/NR, s/NR, NR }'
  rm -f "$times"
fi
