package dev.xtreamdoctor.bench;

import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.RuleBookCache;
import dev.xtreamdoctor.engine.RuleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long the bundled rules take to become a KieBase: compiled cold (the first build in a fresh
 * JVM, one per fork), compiled warm (a rebuild in a JVM that has built before, as a reload does),
 * and loaded warm from the on-disk cache. The command line's cold load from the cache is the
 * "rules" figure of {@code xtream-doctor evaluate --timing}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KieBaseBuildBenchmark {

  /** The rule files, read once. */
  @State(Scope.Benchmark)
  public static class Files0 {
    RuleFiles files;

    @Setup(Level.Trial)
    public void read() throws Exception {
      files = RuleFiles.bundled();
    }
  }

  /** A cache directory holding the bundled rules, compiled during setup. */
  @State(Scope.Benchmark)
  public static class Cache {
    RuleFiles files;
    Path dir;

    @Setup(Level.Trial)
    public void fill() throws Exception {
      files = RuleFiles.bundled();
      dir = Files.createTempDirectory("kbase-bench");
      new RuleBookCache(dir).load(files);
    }

    @TearDown(Level.Trial)
    public void remove() throws IOException {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Benchmark
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(5)
  public RuleBook compileCold() throws Exception {
    return RuleBook.compile(RuleFiles.bundled());
  }

  @Benchmark
  @Warmup(iterations = 5)
  @Measurement(iterations = 10)
  @Fork(1)
  public RuleBook compileWarm(Files0 state) throws Exception {
    return RuleBook.compile(state.files);
  }

  @Benchmark
  @Warmup(iterations = 5)
  @Measurement(iterations = 10)
  @Fork(1)
  public RuleBook loadFromCacheWarm(Cache state) throws Exception {
    return new RuleBookCache(state.dir).load(state.files);
  }
}
