package dev.xtreamdoctor.engine.explain;

import dev.xtreamdoctor.engine.FactModel;
import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.RuleSource;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;

/**
 * How far each rule's conditions got, the way CLIPS's {@code matches} shows it: for every rule of
 * interest, one probe rule per prefix of its when part (its first condition, its first two, ...),
 * compiled once per rule set into a KieBase of their own. Inserting a session's facts there shows
 * the longest prefix that matched, so the next condition is the one that did not hold. Built only
 * when an explanation is asked for.
 */
final class PartialMatches {
  private static final Pattern FIRST_RULE = Pattern.compile("(?m)^\\s*rule\\s+\"");
  private static final String PACKAGE_DIR =
      "src/main/resources/" + RuleBook.RULES_PACKAGE.replace('.', '/') + "/";
  private static final AtomicLong BUILDS = new AtomicLong();

  /** One per rule set in use; a CLI run has one, a server a few. */
  private static final Map<String, Optional<PartialMatches>> BY_RULES = new ConcurrentHashMap<>();

  private final KieBase kieBase;

  /** Probe rule name to (rule name, number of conditions it holds). */
  private final Map<String, Map.Entry<String, Integer>> probes;

  private PartialMatches(KieBase kieBase, Map<String, Map.Entry<String, Integer>> probes) {
    this.kieBase = kieBase;
    this.probes = probes;
  }

  /**
   * The probes for these rules of a rule set, each up to a number of its conditions (no more are
   * needed: a later one is known not to hold), or empty if they cannot be built.
   */
  static Optional<PartialMatches> of(
      RuleBook book, RuleSource source, Map<RuleSource.RuleText, Integer> rules) {
    String key =
        book.fingerprint()
            + "/"
            + rules.entrySet().stream()
                .map(e -> e.getKey().name() + "#" + e.getValue())
                .sorted()
                .toList()
                .hashCode();
    return BY_RULES.computeIfAbsent(key, k -> build(source, rules));
  }

  private static Optional<PartialMatches> build(
      RuleSource source, Map<RuleSource.RuleText, Integer> rules) {
    Map<String, Map.Entry<String, Integer>> probes = new HashMap<>();
    Map<String, StringBuilder> files = new HashMap<>();
    int n = 0;
    for (Map.Entry<RuleSource.RuleText, Integer> e : rules.entrySet()) {
      RuleSource.RuleText r = e.getKey();
      String text = source.expanded().get(r.file());
      if (text == null) {
        continue;
      }
      StringBuilder drl = files.computeIfAbsent(r.file(), f -> new StringBuilder(header(text)));
      for (int k = 1; k <= Math.min(e.getValue(), r.conditions().size()); k++) {
        String name = "explain#" + (n++);
        probes.put(name, Map.entry(r.name(), k));
        drl.append("\nrule \"").append(name).append("\"\nwhen\n");
        for (RuleSource.WrittenCondition c : r.conditions().subList(0, k)) {
          drl.append("  ").append(c.text()).append('\n');
        }
        drl.append("then\nend\n");
      }
    }
    KieServices ks = KieServices.Factory.get();
    KieFileSystem kfs = ks.newKieFileSystem();
    ReleaseId id =
        ks.newReleaseId("dev.xtreamdoctor", "explain", "1.0." + BUILDS.incrementAndGet());
    kfs.generateAndWritePomXML(id);
    files.forEach(
        (file, drl) ->
            kfs.write(
                PACKAGE_DIR + file.replace(".dslr", ".drl"),
                drl.toString().getBytes(StandardCharsets.UTF_8)));
    KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
    if (builder.getResults().hasMessages(Message.Level.ERROR)) {
      return Optional.empty();
    }
    return Optional.of(new PartialMatches(ks.newKieContainer(id).getKieBase(), probes));
  }

  /** The package, imports, functions and declarations: all before the first rule. */
  private static String header(String text) {
    Matcher m = FIRST_RULE.matcher(text);
    return m.find() ? text.substring(0, m.start()) : text;
  }

  /** For each rule, how many of its conditions, from the first, hold together for these facts. */
  Map<String, Integer> held(Collection<?> facts) {
    KieSession session = kieBase.newKieSession();
    Map<String, Integer> held = new HashMap<>();
    try {
      session.addEventListener(
          new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
              Map.Entry<String, Integer> probe = probes.get(event.getMatch().getRule().getName());
              if (probe != null) {
                held.merge(probe.getKey(), probe.getValue(), Math::max);
              }
            }
          });
      List<Object> known = new ArrayList<>();
      for (Object o : facts) {
        // Declared types (a rule set's own `declare`) belong to the other KieBase's class loader:
        // they cannot match here.
        if (FactModel.type(o.getClass().getSimpleName())
            .filter(t -> t == o.getClass())
            .isPresent()) {
          known.add(o);
        }
      }
      known.forEach(session::insert);
      session.fireAllRules();
    } finally {
      session.dispose();
    }
    return held;
  }
}
