package dev.xtreamdoctor.bench;

import dev.xtreamdoctor.engine.DiagnosisEngine;
import dev.xtreamdoctor.engine.Evaluation;
import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.Settings;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rules-only evaluation: a fresh KieSession per diagnosis over one shared KieBase, round-robin over
 * typical fact sets, on one thread. Goal: at least 50,000 evaluations per second.
 *
 * <p>The fork runs with the serial collector, as the launcher runs every command (serve included):
 * one thread on one core, with no concurrent collector threads borrowing the other core. With JMH's
 * default G1 the score is ~15 % lower (bench/RESULTS.md has both).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-XX:+UseSerialGC")
@Threads(1)
public class EvaluationBenchmark {
  private DiagnosisEngine engine;
  private List<List<Fact>> scenarios;
  private int next;

  @Setup(Level.Trial)
  public void compileRules() throws Exception {
    engine = new DiagnosisEngine(RuleBook.bundled(), Settings.defaults());
    scenarios = FactSets.all();
  }

  /** Rules only: conclusion, findings and fired rules, no catalogue words. */
  @Benchmark
  public Evaluation evaluateRules() {
    List<Fact> facts = scenarios.get(next);
    next = (next + 1) % scenarios.size();
    return engine.evaluateRules(facts);
  }

  /** The full diagnosis value, catalogue words included. */
  @Benchmark
  public Object evaluateDiagnosis() {
    List<Fact> facts = scenarios.get(next);
    next = (next + 1) % scenarios.size();
    return engine.evaluate(facts);
  }
}
