#!/usr/bin/env bash
# Load test of xtream-doctor serve on loopback, bounded in count and time (issue 6):
#   POST /v1/evaluations (goal >= 2,000 req/s, p99 <= 20 ms, no errors), POST /v1/diagnoses against
#   a loopback simulator (throughput and p99), and the server's resident memory under load.
# Usage: bench/serve-load.sh [EVAL_COUNT] [EVAL_CONCURRENCY] [DIAG_COUNT] [DIAG_CONCURRENCY]
# With LOAD_CLIENT=wrk (Debian package wrk) the evaluations are driven by wrk for 20 s instead of the
# Java client: wrk needs far less CPU, which matters when client and server share two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
eval_count="${1:-40000}"; eval_conc="${2:-8}"; diag_count="${3:-200}"; diag_conc="${4:-4}"
token="test-token-0123456789abcdef"
cpfile="$(mktemp)"; out="$(mktemp)"
mvn -B -q -o test-compile dependency:build-classpath -pl service -am \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cpfile" >/dev/null
cp="service/target/test-classes:service/target/classes:$(cat "$cpfile")"
java ${SERVE_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC} -Dxtreamdoctor.network.loopback-only=true \
  -cp "$cp" dev.xtreamdoctor.service.LoadServer >"$out" 2>/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null; rm -f "$cpfile" "$out"' EXIT
for _ in $(seq 1 600); do grep -q READY "$out" && break; sleep 0.1; done
read -r _ uri panel user pass < <(grep READY "$out")
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14+$15)*1000/hz}' "/proc/$pid/stat"; }
rss() { awk '/VmRSS/ {printf "%.0f MB", $2/1024}' "/proc/$pid/status"; }
peak=0
sample() { while kill -0 $pid 2>/dev/null; do
  r=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0); [ "${r:-0}" -gt "$peak" ] && peak=$r
  echo "$peak" > "$out.peak"; sleep 0.2; done; }
sample & sampler=$!
facts='{"facts":[{"type":"ServerInput","typed":"http://p.example:8080","outcome":"input.ok","scheme":"http","host":"p.example","port":8080,"hostKind":"name","baseUrl":"http://p.example:8080"},{"type":"LoginAnswer","outcome":"panel.auth_rejected","auth":0}]}'
java -Xmx256m -cp "$cp" dev.xtreamdoctor.service.EvalCost "$facts" 3000
echo "service $uri, pid $pid, RSS after start: $(rss)"
echo "== POST /v1/evaluations: $eval_count requests max, 60 s max, $eval_conc connections"
c0=$(cpu_ms)
if [ "${LOAD_CLIENT:-java}" = wrk ]; then
  lua="$(mktemp --suffix=.lua)"
  printf 'wrk.method = "POST"\nwrk.body = [[%s]]\nwrk.headers["Content-Type"] = "application/json"\nwrk.headers["Authorization"] = "Bearer %s"\n' "$facts" "$token" > "$lua"
  wrk -t1 -c"$eval_conc" -d5s -s "$lua" "$uri/v1/evaluations" >/dev/null   # warm-up, not measured
  c0=$(cpu_ms)
  wrk -t1 -c"$eval_conc" -d20s --latency -s "$lua" "$uri/v1/evaluations" | tee "$out.eval"
  c1=$(cpu_ms); n=$(awk '/requests in/ {print $1}' "$out.eval")
  rm -f "$lua"
  grep -E "Non-2xx|Socket errors" "$out.eval" || echo "errors: none (no non-2xx answer, no socket error)"
  echo "server CPU per evaluation request: $(( (c1 - c0) * 1000 / n )) us; RSS now: $(rss)"
else
  java bench/ServeLoad.java "$uri/v1/evaluations" "$token" "$facts" "$eval_count" 60 "$eval_conc" 2000 | tee "$out.eval"
  c1=$(cpu_ms); n=$(sed -n 's/^requests=\([0-9]*\).*/\1/p' "$out.eval")
  echo "server CPU per evaluation request (incl. warm-up): $(( (c1 - c0) * 1000 / (n + 2000) )) us; RSS now: $(rss)"
fi
diag="{\"server\":\"$panel\",\"username\":\"$user\",\"password\":\"$pass\",\"symptoms\":{\"vantage\":\"remote\"}}"
echo "== POST /v1/diagnoses against the loopback simulator: $diag_count requests max, 60 s max, $diag_conc connections"
java bench/ServeLoad.java "$uri/v1/diagnoses" "$token" "$diag" "$diag_count" 60 "$diag_conc" 5
kill $sampler 2>/dev/null || true
echo "RSS now: $(rss), peak under load: $(( $(cat "$out.peak") / 1024 )) MB"
rm -f "$out.peak" "$out.eval"
