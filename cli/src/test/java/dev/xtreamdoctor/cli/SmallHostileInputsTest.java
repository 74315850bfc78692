package dev.xtreamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's smaller findings: each mistake or odd file gets one line that names the right thing
 * (the file, the option, the configuration key), and nothing runs unbounded.
 */
class SmallHostileInputsTest {
  @TempDir Path dir;

  Path copyOfRules() throws IOException {
    return RulesCheckCommandTest.copyOfRules(dir);
  }

  static void assertOneLine(CliRun r, int code, String expected) {
    assertEquals(code, r.exitCode(), r.toString());
    assertTrue(r.err().contains(expected), r.toString());
    assertFalse(r.err().contains("Exception"), r.toString());
  }

  @Test
  void aByteOrderMarkInARuleFileIsHarmless() throws Exception {
    Path copy = copyOfRules();
    Path drl = copy.resolve("10-invalid-details.drl");
    Files.writeString(drl, "\uFEFF" + Files.readString(drl));
    CliRun r = CliRun.run("rules", "check", copy.toString());
    assertEquals(ExitCode.NO_FAULT, r.exitCode(), r.toString());
  }

  @Test
  void aNulOrBinaryRuleFileIsNamed() throws Exception {
    Path copy = copyOfRules();
    Path drl = copy.resolve("10-invalid-details.drl");
    String text = Files.readString(drl);
    Files.writeString(drl, text.substring(0, 200) + "\0" + text.substring(200));
    assertOneLine(
        CliRun.run("rules", "check", copy.toString()),
        ExitCode.RULES,
        drl + ": holds a NUL character at line");
    Files.write(drl, new byte[] {'r', 'u', 'l', 'e', ' ', (byte) 0xff, (byte) 0xfe, 0x01});
    CliRun binary = CliRun.run("rules", "check", copy.toString());
    assertOneLine(binary, ExitCode.RULES, drl + ": not UTF-8 text");
    assertFalse(binary.err().contains("Input length"), binary.toString());
  }

  @Test
  void twentyThousandRulesAreRefusedBeforeCompiling() throws Exception {
    Path copy = copyOfRules();
    StringBuilder many =
        new StringBuilder("package rules.many;\nimport dev.xtreamdoctor.engine.facts.*;\n");
    for (int i = 0; i < 20_000; i++) {
      many.append("rule \"r").append(i).append("\" when then end\n");
    }
    Files.writeString(copy.resolve("90-many.drl"), many);
    long t0 = System.nanoTime();
    assertOneLine(CliRun.run("rules", "check", copy.toString()), ExitCode.RULES, "rules: holds 20");
    assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "bounded, not a minute of compiling");
  }

  @Test
  void configDirectoryAndRulesFileAreNamedForWhatTheyAre() throws Exception {
    assertOneLine(
        CliRun.run("evaluate", "--facts", EvaluateCommandTest.ACCEPTED, "--config", dir.toString()),
        ExitCode.USAGE,
        dir + ": is a directory; --config takes a properties file");
    Path file = dir.resolve("10-invalid-details.drl");
    Files.writeString(file, "rule \"x\" when then end\n");
    assertOneLine(
        CliRun.run("evaluate", "--facts", EvaluateCommandTest.ACCEPTED, "--rules", file.toString()),
        ExitCode.RULES,
        file + ": is a file; rules are read from a directory");
  }

  @Test
  void serveConfigurationErrorsNameTheirKey() throws Exception {
    String[][] cases = {
      {
        "doctor.serve.rate-per-second",
        "0",
        "doctor.serve.rate-per-second must be at least 1, not 0"
      },
      {
        "doctor.serve.allow-cidrs",
        "192.168.1.300/32",
        "doctor.serve.allow-cidrs: not an address range"
      },
      {"doctor.serve.ports", "8080,70000", "doctor.serve.ports: not a port: 70000"},
      {
        "doctor.serve.redis-url",
        "http://cache:6379",
        "doctor.serve.redis-url must be redis://host:port"
      },
    };
    for (String[] c : cases) {
      Path config = dir.resolve("serve.properties");
      Files.writeString(
          config,
          "doctor.serve.tokens=0123456789abcdef0123\n" + c[0] + "=" + c[1] + "\n",
          StandardCharsets.UTF_8);
      CliRun r = CliRun.run("serve", "--port", "0", "--config", config.toString());
      assertOneLine(r, ExitCode.USAGE, c[2]);
      assertFalse(r.err().contains("max-body-bytes"), r.toString());
    }
  }

  @Test
  void internationalisedHostsShowTheirUnicodeForm() throws Exception {
    Path facts = dir.resolve("idn.json");
    Files.writeString(
        facts,
        "{\"facts\":[{\"type\":\"ServerInput\",\"typed\":\"http://bücher.example:8080\","
            + "\"outcome\":\"input.ok\",\"scheme\":\"http\",\"host\":\"xn--bcher-kva.example\",\"port\":8080,"
            + "\"hostKind\":\"name\",\"baseUrl\":\"http://xn--bcher-kva.example:8080\"}]}");
    CliRun r = CliRun.run("evaluate", "--facts", facts.toString());
    assertTrue(
        r.out().contains("http://xn--bcher-kva.example:8080 = bücher.example"), r.toString());
  }
}
