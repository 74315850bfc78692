package dev.xtreamdoctor.bench;

import dev.xtreamdoctor.engine.DiagnosisEngine;
import dev.xtreamdoctor.engine.FactsJson;
import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.Settings;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Evaluations per CPU-second of the evaluating thread: the same work as {@link
 * EvaluationBenchmark#evaluateRules()}, measured in thread CPU time rather than wall time, so a
 * machine shared with other builds still gives a usable figure for "one core".
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.xtreamdoctor.bench.EvaluationCpuTime [SECONDS]
 * [FACTS_DIR]}: with a directory, every {@code *.json} facts file in it is a scenario (e.g. {@code
 * examples/facts}, whole diagnoses of 10–12 facts) instead of the benchmark's typical sets.
 */
public final class EvaluationCpuTime {
  private EvaluationCpuTime() {}

  public static void main(String[] args) throws Exception {
    long seconds = args.length > 0 ? Long.parseLong(args[0]) : 20;
    DiagnosisEngine engine = new DiagnosisEngine(RuleBook.bundled(), Settings.defaults());
    List<List<Fact>> scenarios = args.length > 1 ? factFiles(Path.of(args[1])) : FactSets.all();
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    // Warm up for as long as we measure: Drools jits constraints, the JVM jits Drools.
    run(engine, scenarios, seconds);
    long cpu0 = cpu.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    long n = run(engine, scenarios, seconds);
    double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpu0) / 1e9;
    double wallSeconds = (System.nanoTime() - wall0) / 1e9;
    System.out.printf(
        "%d evaluations: %.0f per CPU-second of the thread (%.1f us CPU each), %.0f per wall second%n",
        n, n / cpuSeconds, cpuSeconds * 1e6 / n, n / wallSeconds);
  }

  private static List<List<Fact>> factFiles(Path dir) throws IOException, FactsJson.FactsException {
    List<List<Fact>> sets = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        try (Reader in = Files.newBufferedReader(f)) {
          sets.add(FactsJson.read(in));
        }
      }
    }
    System.out.printf("%d fact sets from %s%n", sets.size(), dir);
    return sets;
  }

  private static long run(DiagnosisEngine engine, List<List<Fact>> scenarios, long seconds) {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long n = 0;
    while (System.nanoTime() < end) {
      engine.evaluateRules(scenarios.get((int) (n % scenarios.size())));
      n++;
    }
    return n;
  }
}
