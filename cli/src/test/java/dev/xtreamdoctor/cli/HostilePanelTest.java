package dev.xtreamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.engine.Redactor;
import dev.xtreamdoctor.simulator.Simulation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line against panels that attack what it prints: one that echoes the password in every
 * spelling and place (the canary must appear in no output, in any format, verbose or explained),
 * and one whose texts carry terminal escape sequences (none may reach the terminal).
 */
class HostilePanelTest {
  @TempDir Path dir;

  @BeforeAll
  static void loadRulesOnce() {
    CliRun.run("evaluate", "--facts", EvaluateCommandTest.ACCEPTED);
  }

  /** Canaries with the characters encodings change, per run. */
  static List<String> canaries() {
    String n = Integer.toString(ThreadLocalRandom.current().nextInt(1000, 9999));
    return List.of("Cnry!Pw/x+9%" + n, "cnry+P w/&%\"é'<" + n + ">", "Пароль€-" + n + "-日本");
  }

  /** Every spelling that would count as a leak: the redactor's forms and a few more writers'. */
  static Set<String> spellings(String secret) {
    Set<String> all = new LinkedHashSet<>(Redactor.textForms(secret));
    all.add(secret.toLowerCase(Locale.ROOT));
    all.add(secret.toUpperCase(Locale.ROOT));
    all.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
    all.add(Redactor.rfc3986(secret).toLowerCase(Locale.ROOT));
    all.add(Redactor.phpJsonEscaped(Redactor.latin1Reading(secret)));
    all.add(
        jakarta.json.Json.createValue(Redactor.latin1Reading(secret))
            .toString()
            .replaceAll("^\"|\"$", ""));
    all.removeIf(s -> s.length() < 4);
    return all;
  }

  CliRun diagnose(Simulation sim, String password, String... more) throws Exception {
    Path config = dir.resolve("doctor.properties");
    Files.writeString(
        config,
        "doctor.dns.system-resolvers="
            + sim.systemResolvers()
            + "\ndoctor.dns.public-resolvers="
            + sim.publicResolvers()
            + "\ndoctor.latency.samples=1\n"
            + "doctor.cache.enabled=false\n");
    List<String> args =
        new ArrayList<>(
            List.of(
                "diagnose",
                "--config",
                config.toString(),
                "--server",
                sim.serverUrl(),
                "--username",
                sim.username(),
                "--password",
                password));
    args.addAll(List.of(more));
    return CliRun.run(args.toArray(String[]::new));
  }

  @Test
  void anEchoingPanelLeaksThePasswordNowhere() throws Exception {
    try (Simulation sim = Simulation.start("hostile-echo")) {
      for (String canary : canaries()) {
        for (List<String> options :
            List.of(
                List.of("--format", "text"),
                List.of("--format", "markdown"),
                List.of("--format", "json"),
                List.of("--format", "text", "-v", "--explain"),
                List.of("--format", "json", "--explain"))) {
          CliRun r = diagnose(sim, canary, options.toArray(String[]::new));
          assertEquals(ExitCode.FAULT, r.exitCode(), r.toString());
          assertTrue(
              r.out().contains("INVALID_DETAILS") || r.out().contains("Invalid Details"),
              r.toString());
          for (String s : spellings(canary)) {
            assertFalse(r.out().contains(s), () -> options + ": spelling [" + s + "] in:\n" + r);
            assertFalse(
                r.err().contains(s), () -> options + ": spelling [" + s + "] on stderr:\n" + r);
          }
          if (options.contains("json")) {
            // the facts carry what the panel echoed (Server, CF-RAY, Location, status), masked
            String json = r.out().replace("\": \"", "\":\"");
            assertTrue(
                json.contains("\"server\":\"nginx " + Redactor.MASK),
                "the echo was seen, and masked: " + r);
            assertTrue(
                json.contains("\"status\":\"Denied " + Redactor.MASK),
                "the echo was seen, and masked: " + r);
            assertTrue(
                json.contains("&password=" + Redactor.MASK + "&p2=" + Redactor.MASK),
                "Location masked: " + r);
          }
        }
      }
      assertTrue(sim.requests().size() >= 15, "the panel was asked each time");
    }
  }

  @Test
  void terminalEscapesFromAPanelArePrintedAsText() throws Exception {
    try (Simulation sim = Simulation.start("hostile-ansi")) {
      for (String format : List.of("text", "markdown")) {
        CliRun r = diagnose(sim, "wrong-password", "--format", format, "-v", "--explain");
        assertEquals(ExitCode.FAULT, r.exitCode(), r.toString());
        String controls =
            r.out()
                .chars()
                .filter(c -> c < 0x20 && c != '\n' || c == 0x7f || (c >= 0x80 && c <= 0x9f))
                .mapToObj(c -> String.format("U+%04X", c))
                .distinct()
                .reduce("", (a, b) -> a + " " + b);
        assertEquals("", controls, "control characters printed:\n" + r);
        assertTrue(
            r.out().lines().noneMatch(l -> l.startsWith("[✓] Panel")), "no forged line:\n" + r);
        assertTrue(
            r.out().contains("\\e]0;owned\\a") || r.out().contains("\\\\e]0;owned\\\\a"),
            "the escape is shown, not acted on:\n" + r);
      }
    }
  }
}
