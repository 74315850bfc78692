#!/usr/bin/env bash
# JMH benchmarks of the engine (module bench, built only with -Pbench; never part of mvn verify).
#   bench/jmh.sh                      every benchmark
#   bench/jmh.sh EvaluationBenchmark  one class (any JMH arguments work: -f, -wi, -i, -prof ...)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp -Dstyle.color=never -Pbench -DskipTests package -pl bench -am
exec java -jar bench/target/benchmarks.jar "$@"
