package dev.xtreamdoctor.engine;

import dev.xtreamdoctor.engine.facts.CauseRun;
import dev.xtreamdoctor.engine.facts.Conclusion;
import dev.xtreamdoctor.engine.facts.Condition;
import dev.xtreamdoctor.engine.facts.CredentialInput;
import dev.xtreamdoctor.engine.facts.DnsAnswer;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.Finding;
import dev.xtreamdoctor.engine.facts.HourOutcome;
import dev.xtreamdoctor.engine.facts.HourSummary;
import dev.xtreamdoctor.engine.facts.HttpResponse;
import dev.xtreamdoctor.engine.facts.Latency;
import dev.xtreamdoctor.engine.facts.LoginAnswer;
import dev.xtreamdoctor.engine.facts.PanelRequests;
import dev.xtreamdoctor.engine.facts.ProbeProblem;
import dev.xtreamdoctor.engine.facts.ReportedSymptoms;
import dev.xtreamdoctor.engine.facts.ServerInput;
import dev.xtreamdoctor.engine.facts.Settings;
import dev.xtreamdoctor.engine.facts.TcpConnect;
import dev.xtreamdoctor.engine.facts.TlsHandshake;
import dev.xtreamdoctor.engine.facts.WatchSpan;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The fact types rules can match on, by the names rule authors write. */
public final class FactModel {
  private FactModel() {}

  /**
   * Observation facts, in layer order: what probes and facts files provide; then the summary of a
   * watch over time (a history).
   */
  public static final List<Class<? extends Fact>> OBSERVATIONS =
      List.of(
          ServerInput.class,
          CredentialInput.class,
          DnsAnswer.class,
          TcpConnect.class,
          TlsHandshake.class,
          HttpResponse.class,
          LoginAnswer.class,
          Latency.class,
          PanelRequests.class,
          ReportedSymptoms.class,
          ProbeProblem.class,
          WatchSpan.class,
          HourSummary.class,
          HourOutcome.class,
          CauseRun.class);

  /** Facts that rules insert or that the engine supplies. */
  public static final List<Class<? extends Record>> INFERRED =
      List.of(Settings.class, Condition.class, Finding.class, Conclusion.class);

  private static final Map<String, Class<?>> BY_NAME = byName();

  private static Map<String, Class<?>> byName() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    OBSERVATIONS.forEach(c -> m.put(c.getSimpleName(), c));
    INFERRED.forEach(c -> m.put(c.getSimpleName(), c));
    return Map.copyOf(m);
  }

  public static Optional<Class<?>> type(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  public static Collection<String> typeNames() {
    return BY_NAME.keySet().stream().sorted().toList();
  }

  public static List<String> fields(Class<?> type) {
    return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
  }

  /** The closest candidate to a misspelt word, if one is close enough to be a likely typo. */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    return candidates.stream()
        .min(Comparator.comparingInt(c -> distance(word.toLowerCase(), c.toLowerCase())))
        .filter(
            c -> distance(word.toLowerCase(), c.toLowerCase()) <= Math.max(2, word.length() / 3));
  }

  /** Levenshtein distance. */
  public static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
