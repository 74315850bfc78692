package dev.xtreamdoctor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.api.TargetGuard;
import dev.xtreamdoctor.engine.Redactor;
import dev.xtreamdoctor.simulator.Simulation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The canary through {@code serve}: a panel that echoes the password in every spelling and place,
 * diagnosed over HTTP, refused targets and bad bodies included. No spelling of the password may
 * appear in any answer or in any log record (messages and stack traces) written meanwhile.
 */
class ServeCanaryTest {
  static Set<String> spellings(String secret) {
    Set<String> all = new LinkedHashSet<>(Redactor.textForms(secret));
    all.add(secret.toLowerCase(Locale.ROOT));
    all.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
    all.add(Redactor.rfc3986(secret).toLowerCase(Locale.ROOT));
    all.add(Redactor.phpJsonEscaped(Redactor.latin1Reading(secret)));
    all.removeIf(s -> s.length() < 4);
    return all;
  }

  /** Every log record of the process, formatted with its stack trace. */
  static final class Capture extends Handler {
    final StringBuilder text = new StringBuilder();

    @Override
    public synchronized void publish(LogRecord r) {
      text.append(r.getLevel())
          .append(' ')
          .append(r.getLoggerName())
          .append(' ')
          .append(new java.util.logging.SimpleFormatter().formatMessage(r))
          .append('\n');
      if (r.getThrown() != null) {
        StringWriter w = new StringWriter();
        r.getThrown().printStackTrace(new PrintWriter(w));
        text.append(w);
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  @Test
  void anEchoingPanelLeaksThePasswordInNoAnswerAndNoLog() throws Exception {
    Logger root = Logger.getLogger("");
    Capture capture = new Capture();
    Level before = root.getLevel();
    root.addHandler(capture);
    root.setLevel(Level.ALL);
    Logger.getLogger("dev.xtreamdoctor").setLevel(Level.ALL);
    String n = Integer.toString(ThreadLocalRandom.current().nextInt(1000, 9999));
    List<String> canaries =
        List.of("Cnry!Pw/x+9%" + n, "cnry+P w/&%\"é'<" + n + ">", "Пароль€-" + n + "-日本");
    StringBuilder answers = new StringBuilder();
    try (Simulation sim = Simulation.start("hostile-echo");
        DoctorService s =
            Fixtures.start(
                Fixtures.settings(),
                Fixtures.probes(List.of(sim.systemResolvers())),
                TargetGuard.of(List.of("127.0.0.1/32"), Set.of(sim.urlPort())))) {
      for (String canary : canaries) {
        HttpResponse<String> r =
            Fixtures.post(
                s,
                "/v1/diagnoses",
                Fixtures.diagnosisJson(
                    sim.serverUrl(), sim.username(), canary, "{\"vantage\":\"remote\"}"),
                Fixtures.TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"category\":\"INVALID_DETAILS\""), r.body());
        assertTrue(
            r.body().contains("nginx " + Redactor.MASK),
            "the echo was seen, and masked: " + r.body());
        answers.append(r.body()).append('\n');
        // the password pasted into refused or unusable server addresses
        for (String server :
            List.of(
                "http://u:" + canary + "@10.0.0.1:8080/",
                "http://127.0.0.2:"
                    + sim.urlPort()
                    + "/get.php?username=u&password="
                    + URLEncoder.encode(canary, StandardCharsets.UTF_8),
                "http://bad host/?password=" + canary)) {
          HttpResponse<String> refused =
              Fixtures.post(
                  s,
                  "/v1/diagnoses",
                  Fixtures.diagnosisJson(server, "u", canary, null),
                  Fixtures.TOKEN);
          assertTrue(refused.statusCode() == 422 || refused.statusCode() == 400, refused.body());
          answers.append(refused.body()).append('\n');
        }
        // and in bodies that are refused
        answers.append(
            Fixtures.post(
                    s,
                    "/v1/diagnoses",
                    "{\"server\":\"x\",\"password\":\"" + canary + "\",\"x\":1}",
                    Fixtures.TOKEN)
                .body());
      }
    } finally {
      root.removeHandler(capture);
      root.setLevel(before);
    }
    String logs = capture.text.toString();
    assertTrue(logs.contains("diagnosis for token-"), "the service logged its work: " + logs);
    for (String canary : canaries) {
      for (String form : spellings(canary)) {
        assertFalse(
            answers.toString().contains(form), "spelling [" + form + "] in an answer:\n" + answers);
        assertFalse(logs.contains(form), "spelling [" + form + "] in the log:\n" + logs);
      }
    }
  }
}
