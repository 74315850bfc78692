package dev.xtreamdoctor.features;

import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.RuleProblem;
import dev.xtreamdoctor.engine.RulesFailedException;
import io.cucumber.core.feature.FeatureWithLines;
import io.cucumber.core.options.RuntimeOptionsBuilder;
import io.cucumber.core.runtime.Runtime;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.StepDefinedEvent;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestStepFinished;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replays scenarios against a rule book, in this process: the bundled guide scenarios (the {@code
 * .feature} files shipped in the jar) and any the caller adds, and returns how each one went. Runs
 * Cucumber through its runtime API, so nothing is printed.
 */
public final class ScenarioRunner {
  /** The bundled features on the classpath. */
  public static final String BUNDLED = "classpath:features";

  private static final String GLUE = "classpath:dev/xtreamdoctor/features";

  private ScenarioRunner() {}

  /**
   * Runs the scenarios with this rule book under test, with the default settings and limits.
   *
   * @param rules the rules the steps evaluate against
   * @param bundled whether to run the bundled guide scenarios
   * @param extra more feature files or directories of them
   */
  public static List<ScenarioResult> run(RuleBook rules, boolean bundled, List<Path> extra) {
    return run(new RulesUnderTest(rules), bundled, extra);
  }

  /**
   * Runs the scenarios with these rules under test (which also carry the settings and limits to
   * evaluate with, and note what fired): each scenario gets them from the object factory.
   */
  public static List<ScenarioResult> run(RulesUnderTest rules, boolean bundled, List<Path> extra) {
    RuntimeOptionsBuilder options =
        new RuntimeOptionsBuilder().addGlue(URI.create(GLUE)).setMonochrome().setNoSummary();
    if (bundled) {
      options.addFeature(FeatureWithLines.parse(BUNDLED));
    }
    for (Path p : extra) {
      options.addFeature(
          FeatureWithLines.create(p.toAbsolutePath().normalize().toUri(), List.of()));
    }
    Collector collector = new Collector();
    ScenarioObjects objects = new ScenarioObjects(rules);
    Runtime.builder()
        .withRuntimeOptions(options.build())
        .withClassLoader(ScenarioRunner.class::getClassLoader)
        .withObjectFactorySupplier(() -> objects)
        .withAdditionalPlugins(collector)
        .build()
        .run();
    return collector.results();
  }

  /** Listens for finished steps and scenarios and keeps the outcome of each scenario. */
  private static final class Collector implements ConcurrentEventListener {
    private final List<ScenarioResult> results = Collections.synchronizedList(new ArrayList<>());
    private final Map<UUID, PickleStepTestStep> firstBadStep = new ConcurrentHashMap<>();
    private final List<String> knownSteps = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void setEventPublisher(EventPublisher publisher) {
      publisher.registerHandlerFor(
          StepDefinedEvent.class, e -> knownSteps.add(e.getStepDefinition().getPattern()));
      publisher.registerHandlerFor(TestStepFinished.class, this::stepFinished);
      publisher.registerHandlerFor(TestCaseFinished.class, this::scenarioFinished);
    }

    private void stepFinished(TestStepFinished e) {
      if (e.getResult().getStatus() != Status.PASSED
          && e.getTestStep() instanceof PickleStepTestStep step) {
        firstBadStep.putIfAbsent(e.getTestCase().getId(), step);
      }
    }

    private void scenarioFinished(TestCaseFinished e) {
      TestCase c = e.getTestCase();
      Status status = e.getResult().getStatus();
      boolean passed = status == Status.PASSED;
      PickleStepTestStep bad = firstBadStep.remove(c.getId());
      String step =
          bad == null
              ? ""
              : "line "
                  + bad.getStep().getLine()
                  + ": "
                  + bad.getStep().getKeyword()
                  + bad.getStep().getText();
      Throwable error = e.getResult().getError();
      List<RuleProblem> ruleProblems =
          error instanceof RulesFailedException r ? r.problems() : List.of();
      results.add(
          new ScenarioResult(
              shown(c.getUri()),
              c.getLocation().getLine(),
              c.getName(),
              passed,
              passed ? "" : step,
              passed ? "" : problem(status, error, bad),
              ruleProblems));
    }

    private String problem(Status status, Throwable error, PickleStepTestStep bad) {
      return switch (status) {
        case UNDEFINED ->
            "this step matches none of the known steps"
                + (bad == null
                        ? Optional.<String>empty()
                        : StepSuggestion.nearest(bad.getStep().getText(), List.copyOf(knownSteps)))
                    .map(s -> " (did you mean: " + bad.getStep().getKeyword() + s + "?)")
                    .orElse(" (see features/*.feature for the ones that exist)");
        case AMBIGUOUS -> "this step matches more than one known step";
        case SKIPPED, PENDING -> "the scenario did not run to the end";
        default ->
            error == null
                ? status.name().toLowerCase(java.util.Locale.ROOT)
                : String.valueOf(error.getMessage()).strip();
      };
    }

    List<ScenarioResult> results() {
      List<ScenarioResult> sorted = new ArrayList<>(results);
      sorted.sort(
          java.util.Comparator.comparing(ScenarioResult::feature)
              .thenComparingInt(ScenarioResult::line));
      return sorted;
    }
  }

  /** A bundled feature as classpath:features/x.feature, a user's as its file path. */
  static String shown(URI uri) {
    if ("file".equals(uri.getScheme())) {
      return Path.of(uri).toString();
    }
    String s = uri.toString();
    int at = s.lastIndexOf("features/");
    return at >= 0 && !s.startsWith("classpath:") ? "classpath:" + s.substring(at) : s;
  }
}
