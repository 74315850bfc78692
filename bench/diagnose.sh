#!/usr/bin/env bash
# Diagnosis wall time and peak RSS on a healthy loopback panel (issue 3, "Performance"):
#   1. in process: Diagnoser.runTimed against the simulator, cold first run and median of warm runs,
#      next to the sum of the probe times and the chain of dependent probes (dns -> tcp -> tls -> http);
#   2. whole process: `./xtream-doctor diagnose` via the launcher against `xtream-doctor simulate`,
#      wall time and peak RSS (/usr/bin/time -v), with the command's own probe times (--timing).
# A benchmark, not a test: the machine's load moves the numbers, so the load average is printed.
#   bench/diagnose.sh [RUNS] [SCENARIO]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
scenario="${2:-healthy-xc2}"
jar=cli/target/xtream-doctor.jar

./xtream-doctor --version >/dev/null # builds the jar and the CDS archive if needed
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"

echo "== in process ($scenario)"
java -Dxtreamdoctor.network.loopback-only=true -cp "$jar" bench/DiagnoseBench.java 20 "$scenario"

echo "== whole process: ./xtream-doctor diagnose ($scenario)"
out="$(mktemp)"
java -jar "$jar" simulate --scenario "$scenario" --for 300 >"$out" 2>&1 &
sim=$!
trap 'kill "$sim" 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 100); do grep -q '^Running' "$out" && break; sleep 0.1; done
url="$(sed -n 's/^Server URL: //p' "$out")"
user="$(sed -n 's/^Username: *//p' "$out")"
pass="$(sed -n 's/^Password: *//p' "$out")"
export DOCTOR_DNS_SYSTEM_RESOLVERS="$(sed -n 's/^DOCTOR_DNS_SYSTEM_RESOLVERS=//p' "$out")"
export DOCTOR_DNS_PUBLIC_RESOLVERS="$(sed -n 's/^DOCTOR_DNS_PUBLIC_RESOLVERS=//p' "$out")"
export XTREAM_PASSWORD="$pass" # not in the process list
export XTREAM_DOCTOR_JAVA_OPTS="-Dxtreamdoctor.network.loopback-only=true"
./xtream-doctor diagnose --server "$url" --username "$user" >/dev/null 2>&1 || true # warm rules cache
for i in $(seq "$runs"); do
  t="$(mktemp)"
  /usr/bin/time -v ./xtream-doctor diagnose --server "$url" --username "$user" --timing \
    2>"$t" >/dev/null || true
  wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$t")"
  rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$t")"
  timing="$(grep '^timing:' "$t" || true)"
  echo "run $i: process wall $wall, peak RSS $((rss / 1024)) MB; $timing"
  rm -f "$t"
  sleep 0.2
done
