#!/usr/bin/env bash
# Hostile panels against the command line (issue 13): for each hostile simulator scenario, one
# `./xtream-doctor diagnose` with a canary password, reporting its exit code, the diagnosis, its
# peak RSS (/usr/bin/time -v) and whether any spelling of the canary reached stdout or stderr.
# The goal: every scenario a named finding, a non-zero exit, no password, peak RSS under 300 MB.
#   bench/hostile-rss.sh [SCENARIO...]     (default: every scenario whose name starts with hostile)
# A benchmark, not a test: the machine's load moves the times, so the load average is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=cli/target/xtream-doctor.jar
./xtream-doctor --version >/dev/null # builds the jar and the CDS archive if needed
if [ "$#" -gt 0 ]; then
  scenarios=("$@")
else
  mapfile -t scenarios < <(java -jar "$jar" simulate --list | awk '$1 ~ /^hostile/ {print $1}')
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores; JVM options: ${XTREAM_DOCTOR_JAVA_OPTS:-launcher defaults}"
canary="Cnry!Pw/x+9%é-$RANDOM"
forms() { # the canary as written by the usual encoders (see Redactor.textForms)
  python3 - "$1" <<'EOF'
import sys, urllib.parse, base64, json
p = sys.argv[1]
for f in {p, p.lower(), urllib.parse.quote_plus(p), urllib.parse.quote(p, safe=""), urllib.parse.quote(p, safe="").lower(),
          json.dumps(p)[1:-1], json.dumps(p, ensure_ascii=True)[1:-1].replace("/", "\\/"),
          base64.b64encode(p.encode()).decode(), p.encode().decode("latin-1")}:
    print(f)
EOF
}
printf '%-30s %4s  %-48s %8s  %s\n' scenario exit "category/cause" "peak RSS" "canary seen"
export XTREAM_DOCTOR_JAVA_OPTS="${XTREAM_DOCTOR_JAVA_OPTS:-} -Dxtreamdoctor.network.loopback-only=true"
for scenario in "${scenarios[@]}"; do
  sim_out="$(mktemp)"; out="$(mktemp)"; t="$(mktemp)"
  java -jar "$jar" simulate --scenario "$scenario" --for 600 >"$sim_out" 2>&1 &
  sim=$!
  for _ in $(seq 200); do grep -q '^Running' "$sim_out" && break; sleep 0.1; done
  url="$(sed -n 's/^Server URL: //p' "$sim_out")"
  user="$(sed -n 's/^Username: *//p' "$sim_out")"
  export DOCTOR_DNS_SYSTEM_RESOLVERS="$(sed -n 's/^DOCTOR_DNS_SYSTEM_RESOLVERS=//p' "$sim_out")"
  export DOCTOR_DNS_PUBLIC_RESOLVERS="$(sed -n 's/^DOCTOR_DNS_PUBLIC_RESOLVERS=//p' "$sim_out")"
  set +e
  XTREAM_PASSWORD="$canary" /usr/bin/time -v ./xtream-doctor diagnose --server "$url" --username "$user" \
    --format json >"$out" 2>"$t"
  code=$?
  set -e
  kill "$sim" 2>/dev/null || true
  wait "$sim" 2>/dev/null || true
  rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$t")"
  category="$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); c=d.get("causes") or [{}]; print(d.get("category","?") + "/" + c[0].get("id","-"))' "$out" 2>/dev/null || echo "-")"
  seen="no"
  while IFS= read -r f; do
    [ "${#f}" -ge 4 ] || continue
    if grep -qF -- "$f" "$out" "$t"; then seen="YES ($f)"; fi
  done < <(forms "$canary")
  printf '%-30s %4s  %-48s %5s MB  %s\n' "$scenario" "$code" "$category" "$((rss / 1024))" "$seen"
  rm -f "$sim_out" "$out" "$t"
done
