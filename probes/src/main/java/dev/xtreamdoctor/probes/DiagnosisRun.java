package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.facts.Fact;
import java.util.List;
import java.util.Map;

/**
 * The facts of one diagnosis plus how long it took: wall time, and each probe's own time (summed
 * over its runs), to show how much the concurrency saved.
 */
public record DiagnosisRun(
    List<Fact> facts,
    long wallMillis,
    Map<String, Long> probeMillis,
    java.time.Instant startedAt,
    String username) {
  public DiagnosisRun {
    facts = List.copyOf(facts);
    probeMillis = Map.copyOf(probeMillis);
  }

  public long sumOfProbeMillis() {
    return probeMillis.values().stream().mapToLong(Long::longValue).sum();
  }
}
