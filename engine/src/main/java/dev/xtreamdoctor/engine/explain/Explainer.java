package dev.xtreamdoctor.engine.explain;

import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.DiagnosisEngine;
import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.RuleFiles;
import dev.xtreamdoctor.engine.RuleSource;
import dev.xtreamdoctor.engine.facts.Conclusion;
import dev.xtreamdoctor.engine.facts.Condition;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.Finding;
import dev.xtreamdoctor.engine.facts.Vocabulary;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

/**
 * Runs a diagnosis and explains it: records, for every fact a rule inserts, which rule did and
 * which facts it matched (a listener on the session), then walks back from the conclusion; and for
 * each other category asks {@link PartialMatches} which condition of its rules did not hold. Any
 * command that diagnoses can use it; without it a diagnosis records nothing.
 */
public final class Explainer {
  private static final Map<String, RuleSource> SOURCES = new ConcurrentHashMap<>();
  private static final java.util.regex.Pattern CONDITION_NAME =
      java.util.regex.Pattern.compile("name\\s*==\\s*\"(\\w+)\"");

  private Explainer() {}

  /** The diagnosis of these facts, and why. */
  public static ExplainedDiagnosis evaluate(
      DiagnosisEngine engine, Collection<? extends Fact> facts) {
    return evaluate(engine, facts, dev.xtreamdoctor.engine.Catalogue.ENGLISH);
  }

  /** {@link #evaluate(DiagnosisEngine, Collection)}, the diagnosis in this language. */
  public static ExplainedDiagnosis evaluate(
      DiagnosisEngine engine, Collection<? extends Fact> facts, String language) {
    Recorder recorder = new Recorder();
    Diagnosis d = engine.evaluate(facts, recorder, language);
    return new ExplainedDiagnosis(d, explain(engine.ruleBook(), d, recorder));
  }

  /** What rule produced an object, and what it matched to do so. */
  private record Production(String rule, List<Object> matched) {}

  /** Listens to one session: who inserted what, and everything it held at the end. */
  private static final class Recorder implements DiagnosisEngine.SessionObserver {
    final Map<Object, Production> producers = new IdentityHashMap<>();
    final List<Object> finalFacts = new ArrayList<>();
    Production current;

    @Override
    public void started(KieSession session) {
      session.addEventListener(
          new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
              current =
                  new Production(
                      event.getMatch().getRule().getName(),
                      List.copyOf(event.getMatch().getObjects()));
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
              current = null;
            }
          });
      session.addEventListener(
          new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
              if (current != null) {
                producers.put(event.getObject(), current);
              }
            }
          });
    }

    @Override
    public void finished(KieSession session) {
      finalFacts.addAll(session.getObjects());
    }
  }

  private static Explanation explain(RuleBook book, Diagnosis d, Recorder recorder) {
    RuleSource source =
        SOURCES.computeIfAbsent(book.fingerprint(), k -> RuleSource.of(book.files()));
    List<Explanation.Step> chain = new ArrayList<>();
    recorder.finalFacts.stream()
        .filter(o -> o instanceof Conclusion)
        .findFirst()
        .ifPresent(
            c ->
                walk(
                    c,
                    0,
                    recorder,
                    source,
                    book.files(),
                    chain,
                    java.util.Collections.newSetFromMap(new IdentityHashMap<>())));
    return new Explanation(
        d.category(),
        d.causeIds().isEmpty() ? "" : d.causeIds().get(0),
        chain,
        whyNot(book, d, recorder, source));
  }

  private static void walk(
      Object produced,
      int depth,
      Recorder recorder,
      RuleSource source,
      RuleFiles files,
      List<Explanation.Step> chain,
      Set<Object> seen) {
    Production p = recorder.producers.get(produced);
    if (p == null || !seen.add(produced)) {
      return;
    }
    Optional<RuleSource.RuleText> rule = source.rule(p.rule());
    chain.add(
        new Explanation.Step(
            depth,
            p.rule(),
            rule.map(r -> files.displayName(r.file())).orElse(""),
            rule.map(RuleSource.RuleText::line).orElse(0),
            describe(produced),
            p.matched().stream().map(Explainer::describe).toList()));
    for (Object o : p.matched()) {
      if (o instanceof Finding || o instanceof Condition) {
        walk(o, depth + 1, recorder, source, files, chain, seen);
      }
    }
  }

  /**
   * How many conditions of each candidate rule that did not fire held, by rule name; null when the
   * partial matches could not be probed.
   */
  private static Map<String, Integer> held(
      RuleBook book,
      RuleSource source,
      Recorder recorder,
      List<RuleSource.RuleText> candidates,
      Set<String> fired,
      Set<String> present,
      Set<String> conditions) {
    // Probe each rule only up to its first condition that plainly cannot hold (its fact type or
    // named condition is absent): most rules start there, and need no probe at all.
    Map<RuleSource.RuleText, Integer> upTo = new java.util.LinkedHashMap<>();
    Map<String, Integer> bound = new java.util.HashMap<>();
    for (RuleSource.RuleText r : candidates) {
      if (!fired.contains(r.name())) {
        int u = plainlyFails(r, present, conditions);
        bound.put(r.name(), u);
        if (u > 0) {
          upTo.put(r, u);
        }
      }
    }
    Map<String, Integer> probed =
        upTo.isEmpty()
            ? Map.of()
            : PartialMatches.of(book, source, upTo)
                .map(pm -> pm.held(recorder.finalFacts))
                .orElse(null);
    if (probed == null) {
      return null;
    }
    Map<String, Integer> held = new java.util.HashMap<>();
    for (Map.Entry<String, Integer> b : bound.entrySet()) {
      held.put(b.getKey(), Math.min(b.getValue(), probed.getOrDefault(b.getKey(), 0)));
    }
    return held;
  }

  /** Why one category other than the diagnosis's did not decide: each rule that concludes it. */
  private static Explanation.WhyNot whyNotCategory(
      String category,
      RuleBook book,
      Diagnosis d,
      Recorder recorder,
      RuleSource source,
      List<RuleSource.RuleText> candidates,
      Set<String> fired,
      Set<String> present,
      Map<String, Integer> held,
      String decidingLayer) {
    List<Finding> found =
        recorder.finalFacts.stream()
            .filter(o -> o instanceof Finding f && f.isError() && f.category().equals(category))
            .map(o -> (Finding) o)
            .toList();
    List<Explanation.Miss> misses = new ArrayList<>();
    for (RuleSource.RuleText r : candidates) {
      if (r.concludes().stream()
          .noneMatch(c -> c.severity().equals("error") && c.category().equals(category))) {
        continue;
      }
      String file = book.files().displayName(r.file());
      if (fired.contains(r.name())) {
        misses.add(
            new Explanation.Miss(
                r.name(),
                file,
                r.line(),
                0,
                "",
                "it fired, but its finding is not the one that decides"));
        continue;
      }
      misses.add(miss(r, file, held, present, book.files(), source));
    }
    String summary =
        found.isEmpty()
            ? "no rule concluded " + category
            : category
                + " was found too ("
                + found.stream()
                    .map(f -> f.causeId() + " at the " + f.layer() + " layer")
                    .collect(Collectors.joining(", "))
                + "), "
                + whyNotDeciding(found, decidingLayer, d.category());
    return new Explanation.WhyNot(category, summary, misses);
  }

  private static List<Explanation.WhyNot> whyNot(
      RuleBook book, Diagnosis d, Recorder recorder, RuleSource source) {
    List<String> categories =
        Vocabulary.CATEGORIES.stream()
            .filter(
                c ->
                    !c.equals(Vocabulary.NO_FAULT_FOUND)
                        && !c.equals(Vocabulary.INCONCLUSIVE)
                        && !c.equals(d.category()))
            .toList();
    List<RuleSource.RuleText> candidates =
        source.rules().stream()
            .filter(
                r ->
                    r.concludes().stream()
                        .anyMatch(
                            c -> c.severity().equals("error") && categories.contains(c.category())))
            .toList();
    Set<String> fired = Set.copyOf(d.rulesFired());
    Set<String> present =
        recorder.finalFacts.stream()
            .map(o -> o.getClass().getSimpleName())
            .collect(Collectors.toSet());
    Set<String> conditions =
        recorder.finalFacts.stream()
            .filter(o -> o instanceof Condition)
            .map(o -> ((Condition) o).name())
            .collect(Collectors.toSet());
    Map<String, Integer> held =
        held(book, source, recorder, candidates, fired, present, conditions);
    String decidingLayer =
        recorder.finalFacts.stream()
            .filter(
                o ->
                    o instanceof Finding f
                        && f.isError()
                        && f.causeId().equals(d.causeIds().isEmpty() ? "" : d.causeIds().get(0)))
            .map(o -> ((Finding) o).layer())
            .findFirst()
            .orElse("");
    List<Explanation.WhyNot> out = new ArrayList<>();
    for (String category : categories) {
      out.add(
          whyNotCategory(
              category,
              book,
              d,
              recorder,
              source,
              candidates,
              fired,
              present,
              held,
              decidingLayer));
    }
    return out;
  }

  /**
   * Why findings of another category did not decide: the deciding error sits on an earlier layer,
   * or on the same one, where the categories' documented order settles it.
   */
  private static String whyNotDeciding(
      List<Finding> found, String decidingLayer, String decidingCategory) {
    if (found.stream().anyMatch(f -> f.layer().equals(decidingLayer))) {
      return "on the same layer as the deciding error ("
          + decidingLayer
          + "); on one layer the categories rank "
          + String.join(", ", Vocabulary.FAULT_CATEGORIES)
          + ", so "
          + decidingCategory
          + " decides";
    }
    return "but the " + decidingLayer + " layer comes first on the way to a login, so it decides";
  }

  /**
   * The index of a rule's first condition that cannot hold on its face (a pattern on a fact type
   * the session lacks, or a named condition no rule derived), or the number of conditions.
   */
  private static int plainlyFails(
      RuleSource.RuleText r, Set<String> present, Set<String> conditions) {
    List<RuleSource.WrittenCondition> cs = r.conditions();
    for (int i = 0; i < cs.size(); i++) {
      RuleSource.WrittenCondition c = cs.get(i);
      if (!c.kind().equals("pattern")) {
        continue;
      }
      if (!present.contains(c.factType())) {
        return i;
      }
      java.util.regex.Matcher name = CONDITION_NAME.matcher(c.text());
      if (c.factType().equals("Condition") && name.find() && !conditions.contains(name.group(1))) {
        return i;
      }
    }
    return cs.size();
  }

  private static Explanation.Miss miss(
      RuleSource.RuleText r,
      String file,
      Map<String, Integer> held,
      Set<String> present,
      RuleFiles files,
      RuleSource source) {
    List<RuleSource.WrittenCondition> conditions = r.conditions();
    if (conditions.isEmpty()) {
      return new Explanation.Miss(
          r.name(), file, r.line(), 0, "", "it has no conditions, yet did not fire");
    }
    int index;
    if (held != null) {
      index = held.getOrDefault(r.name(), 0);
    } else {
      // Without probes: the first condition about a fact type the session does not hold.
      index = 0;
      while (index < conditions.size()
          && !(conditions.get(index).kind().equals("pattern")
              && !present.contains(conditions.get(index).factType()))) {
        index++;
      }
    }
    if (index >= conditions.size()) {
      return new Explanation.Miss(
          r.name(),
          file,
          r.line(),
          0,
          "",
          held == null
              ? "its conditions did not all hold"
              : "its conditions hold now, but did not while the rules ran");
    }
    RuleSource.WrittenCondition c = conditions.get(index);
    int nextLine = index + 1 < conditions.size() ? conditions.get(index + 1).line() : c.line() + 1;
    String written = written(files, r.file(), c.line(), Math.max(nextLine, c.line() + 1));
    String reason;
    if (c.kind().equals("not")) {
      reason = "this must not be there, but is";
    } else if (c.factType().equals("Condition") && CONDITION_NAME.matcher(c.text()).find()) {
      java.util.regex.Matcher m = CONDITION_NAME.matcher(c.text());
      m.find();
      reason =
          "the condition "
              + m.group(1)
              + " was not derived from the facts"
              + notedBy(m.group(1), source, files);
    } else if (c.kind().equals("pattern") && !present.contains(c.factType())) {
      reason = "there is no " + c.factType() + " fact";
    } else if (c.kind().equals("pattern")) {
      reason =
          "no "
              + c.factType()
              + " fact matches this"
              + (index > 0 ? " together with the conditions above it" : "");
    } else {
      reason = "this does not hold" + (index > 0 ? " together with the conditions above it" : "");
    }
    return new Explanation.Miss(r.name(), file, r.line(), c.line(), written, reason);
  }

  /** " (it comes from rule "X", file:line)": where a condition is noted, to look there next. */
  private static String notedBy(String condition, RuleSource source, RuleFiles files) {
    java.util.regex.Pattern notes =
        java.util.regex.Pattern.compile(
            "(?:Condition\\s*\\.\\s*of|new\\s+Condition)\\s*\\(\\s*\""
                + java.util.regex.Pattern.quote(condition)
                + "\"");
    List<String> from =
        source.rules().stream()
            .filter(r -> notes.matcher(r.consequence()).find())
            .map(r -> "\"" + r.name() + "\", " + files.displayName(r.file()) + ":" + r.line())
            .toList();
    return from.isEmpty() ? "" : " (it comes from rule " + String.join(" or rule ", from) + ")";
  }

  /** Lines [from, to) of a file as written (a .dslr's sentences, not their expansion), joined. */
  private static String written(RuleFiles files, String file, int from, int to) {
    List<String> lines = files.files().getOrDefault(file, "").lines().toList();
    List<String> out = new ArrayList<>();
    for (int i = from; i < to && i <= lines.size() && out.size() < 4; i++) {
      String l = lines.get(i - 1).strip();
      if (l.equals("then") || l.startsWith("then ")) {
        break;
      }
      if (!l.isEmpty() && !l.startsWith("//")) {
        out.add(l);
      }
    }
    return String.join(" ", out);
  }

  /** A fact in one line: its type and the fields that say something. */
  static String describe(Object o) {
    if (o instanceof Finding f) {
      return "Finding "
          + f.severity()
          + " "
          + f.category()
          + "/"
          + f.causeId()
          + " at the "
          + f.layer()
          + " layer";
    }
    if (o instanceof Condition c) {
      return "Condition " + c.name() + (c.detail().isEmpty() ? "" : " (" + c.detail() + ")");
    }
    if (o instanceof Conclusion c) {
      return "Conclusion " + c.category() + "/" + c.causeId();
    }
    if (o instanceof Record r) {
      List<String> fields = new ArrayList<>();
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        Object v;
        try {
          v = c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
          continue;
        }
        if (v == null || "".equals(v) || (v instanceof Collection<?> list && list.isEmpty())) {
          continue;
        }
        fields.add(c.getName() + "=" + v);
      }
      return r.getClass().getSimpleName() + "(" + String.join(", ", fields) + ")";
    }
    return Objects.toString(o);
  }
}
