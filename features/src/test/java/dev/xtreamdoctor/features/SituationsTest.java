package dev.xtreamdoctor.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.FactsJson;
import dev.xtreamdoctor.probes.Diagnoser;
import dev.xtreamdoctor.probes.ProbeRequest;
import dev.xtreamdoctor.probes.ProbeSettings;
import dev.xtreamdoctor.probes.Secret;
import dev.xtreamdoctor.simulator.ScenarioConfig;
import dev.xtreamdoctor.simulator.Simulation;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The accuracy audit's situations ({@code features/situations.txt}): realistic situations a user
 * meets, each a simulated panel and network on loopback plus what the user typed, diagnosed end to
 * end, with the category and cause the guide and the reference give. Each section holds scenario
 * keys (as {@code simulate --config} reads them) and three of its own: {@code expect}
 * (CATEGORY/CAUSE), {@code server} (what is typed in the server field; {@code {url}}, {@code
 * {host}} and {@code {port}} stand for the simulation's) and {@code why} (the source). A situation
 * loopback cannot stage (a resolver's public address beside a sinkhole, a router's "no route") is a
 * facts file instead, {@code facts = situations/NAME.json}, evaluated as {@code xtream-doctor
 * evaluate} would.
 */
class SituationsTest {
  /** The rules under test: those of -Dxtreamdoctor.scenarios.rules=DIR, else the bundled. */
  private static final RulesUnderTest RULES = RulesUnderTest.byProperty();

  static final Path FILE = Path.of("situations.txt");

  record Situation(
      String name,
      String expect,
      String server,
      String why,
      String facts,
      Map<String, String> keys) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Situation> situations() throws IOException {
    List<Situation> out = new ArrayList<>();
    String name = null;
    Map<String, String> keys = new LinkedHashMap<>();
    for (String raw : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        if (name != null) {
          out.add(situation(name, keys));
        }
        name = line.substring(1, line.length() - 1).strip();
        keys = new LinkedHashMap<>();
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0 || name == null) {
        throw new IllegalArgumentException(
            FILE + ": not a 'key = value' line in a [section]: " + raw);
      }
      String value = line.substring(eq + 1);
      int comment = value.indexOf(" #");
      String v = (comment >= 0 ? value.substring(0, comment) : value).strip();
      keys.put(line.substring(0, eq).strip(), v.replace("\\s", " "));
    }
    if (name != null) {
      out.add(situation(name, keys));
    }
    return out;
  }

  private static Situation situation(String name, Map<String, String> keys) {
    Map<String, String> scenario = new LinkedHashMap<>(keys);
    String expect = scenario.remove("expect");
    String server = Optional.ofNullable(scenario.remove("server")).orElse("{url}");
    String why = Optional.ofNullable(scenario.remove("why")).orElse("");
    String facts = Optional.ofNullable(scenario.remove("facts")).orElse("");
    scenario.putIfAbsent("name", name);
    if (expect == null || !expect.matches("[A-Z_]+/[A-Z_]+")) {
      throw new IllegalArgumentException(FILE + ": [" + name + "] needs expect = CATEGORY/CAUSE");
    }
    return new Situation(name, expect, server, why, facts, scenario);
  }

  /** What the doctor says of a situation: CATEGORY/CAUSE and its summary. */
  static Diagnosis diagnose(Situation s) throws Exception {
    if (!s.facts().isEmpty()) {
      try (Reader in = Files.newBufferedReader(Path.of(s.facts()), StandardCharsets.UTF_8)) {
        return RULES.engine().evaluate(FactsJson.read(in));
      }
    }
    try (Simulation sim = Simulation.start(ScenarioConfig.fromMap(s.keys()))) {
      URI url = URI.create(sim.serverUrl());
      String server =
          s.server()
              .replace("{url}", sim.serverUrl())
              .replace("{host}", url.getHost())
              .replace("{port}", Integer.toString(url.getPort()));
      ProbeSettings settings =
          ProbeSettings.defaults()
              .withResolvers(List.of(sim.systemResolvers()), List.of(sim.publicResolvers()))
              .withTimeouts(EndToEndSteps.CONNECT_MS, EndToEndSteps.READ_MS, EndToEndSteps.TOTAL_MS)
              .withLimits(1 << 20, EndToEndSteps.REQUEST_BUDGET, 0)
              .withLoopbackOnly(true);
      ProbeRequest request = ProbeRequest.of(server, sim.username(), Secret.of(sim.password()));
      return RULES.engine().evaluate(new Diagnoser(settings).run(request));
    }
  }

  /**
   * The first diagnosis in a JVM loads Jersey and compiles the rules: not what a situation times.
   */
  @BeforeAll
  static void warmUp() throws Exception {
    diagnose(
        situation(
            "warm-up",
            new LinkedHashMap<>(
                Map.of("base", "healthy-xc2", "expect", "NO_FAULT_FOUND/HEALTHY"))));
  }

  @Test
  void theSituationsAreReadable() throws Exception {
    List<Situation> all = situations();
    assertTrue(all.size() >= 60, "situations: " + all.size());
    assertEquals(
        all.size(), all.stream().map(Situation::name).distinct().count(), "names are unique");
    for (Situation s : all) {
      assertFalse(s.why().isEmpty(), s.name() + " names its source (why = ...)");
      if (s.facts().isEmpty()) {
        ScenarioConfig.fromMap(s.keys()); // every scenario key is one the simulator knows
      } else {
        assertTrue(Files.isRegularFile(Path.of(s.facts())), s.name() + ": " + s.facts());
      }
    }
  }

  static Stream<Situation> each() throws IOException {
    return situations().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("each")
  void eachSituationGetsTheGuidesCategoryAndCause(Situation s) throws Exception {
    Diagnosis d = diagnose(s);
    String got = d.category() + "/" + (d.causeIds().isEmpty() ? "" : d.causeIds().get(0));
    // one line per situation in the test's output, for the audit's table (bench/ACCURACY.md)
    System.out.printf(
        "SITUATION %s | %s | %s | %s%n",
        s.name(), s.expect(), got, s.expect().equals(got) ? "ok" : "WRONG");
    assertEquals(Optional.empty(), HealthEvidence.violation(d), s.name());
    assertEquals(s.expect(), got, s.name() + " (" + s.why() + "): " + d.summary());
  }
}
