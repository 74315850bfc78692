package dev.xtreamdoctor.engine.render;

import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.Diagnosis.Cause;
import dev.xtreamdoctor.engine.Diagnosis.FindingView;
import dev.xtreamdoctor.engine.facts.DnsAnswer;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.HttpResponse;
import dev.xtreamdoctor.engine.facts.LoginAnswer;
import dev.xtreamdoctor.engine.facts.ServerInput;
import dev.xtreamdoctor.engine.facts.TcpConnect;
import java.util.List;

/** Hand-made diagnoses, so rendering tests do not depend on what the rules say today. */
final class SampleDiagnoses {
  private SampleDiagnoses() {}

  static final String SECRET = "s3cretPw";

  static final ServerInput INPUT =
      new ServerInput(
          "http://panel.example:8080/get.php?username=joe&password=" + SECRET,
          "input.ok",
          "http",
          "panel.example",
          8080,
          true,
          true,
          "name",
          "get_php",
          "http://panel.example:8080",
          List.of());
  static final DnsAnswer DNS =
      new DnsAnswer(
          "system",
          "192.168.1.1:53",
          "panel.example",
          "A",
          "dns.answered",
          "NOERROR",
          List.of("203.0.113.7"),
          List.of("public"),
          12,
          List.of());
  static final TcpConnect TCP =
      new TcpConnect("203.0.113.7", 8080, "system", "tcp.connected", "before_login", 21, 1);
  static final HttpResponse HTTP =
      new HttpResponse(
          "login",
          "203.0.113.7",
          "system",
          "http.status",
          200,
          "application/json",
          "json",
          310,
          "nginx",
          "",
          List.of("user_info"),
          "",
          45,
          "http://panel.example:8080/player_api.php?username=***&password=***",
          0,
          310,
          "",
          "");
  static final LoginAnswer REJECTED =
      new LoginAnswer("panel.auth_rejected", 0, "", 0, 0, false, 0, 0, "xc2", "", "", "");
  static final LoginAnswer ACCEPTED =
      new LoginAnswer(
          "panel.login_ok",
          1,
          "Active",
          1_900_000_000L,
          1_800_000_000L,
          false,
          1,
          2,
          "xui",
          "http",
          "8080",
          "8443");

  static final FindingView REJECTED_FINDING =
      new FindingView(
          "INVALID_DETAILS",
          "CREDENTIALS_REJECTED",
          "error",
          "login",
          "The panel refused this username and password",
          "The server is reachable, but the login cannot succeed with these details.",
          List.of(
              "Copy the username and password from the provider's message.",
              "Check upper and lower case."),
          List.of("player_api.php?username=joe&password=" + SECRET + " answered auth 0"));
  static final FindingView CASE_HINT =
      new FindingView(
          "INVALID_DETAILS",
          "CASE_SENSITIVITY_HINT",
          "info",
          "input",
          "The username mixes upper- and lower-case letters",
          "Xtream Codes is case-sensitive.",
          List.of("Type the username with exactly the capitals in the provider's message."),
          List.of());
  static final FindingView EXPIRY_WARNING =
      new FindingView(
          "NO_FAULT_FOUND",
          "EXPIRES_SOON",
          "warning",
          "account",
          "The subscription ends in 2 days",
          "After that the login stops working.",
          List.of("Renew the subscription with the provider."),
          List.of("exp_date 2 days after the server's clock"));

  /** When the sample lines were checked. */
  static final java.time.Instant CHECKED_AT = java.time.Instant.parse("2026-03-12T09:30:00Z");

  static Diagnosis rejected() {
    List<Fact> facts = List.of(INPUT, DNS, TCP, HTTP, REJECTED);
    return new Diagnosis(
            1,
            "INVALID_DETAILS",
            "Invalid Details",
            "Invalid Details: The panel refused this username and password",
            List.of(
                new Cause("CREDENTIALS_REJECTED", "The panel refused this username and password")),
            REJECTED_FINDING.fixes(),
            REJECTED_FINDING.evidence(),
            List.of(REJECTED_FINDING, CASE_HINT),
            facts,
            List.of("Invalid details: the panel refused the username and password (auth 0)"),
            "0123456789abcdef")
        .checked(CHECKED_AT, "joe");
  }

  static Diagnosis healthyWithWarning() {
    List<Fact> facts = List.of(INPUT, DNS, TCP, HTTP, ACCEPTED);
    return new Diagnosis(
        1,
        "NO_FAULT_FOUND",
        "No fault found",
        "No fault found: The login works",
        List.of(new Cause("HEALTHY", "The login works: the panel accepted these details")),
        List.of("If the app still fails, type the details again."),
        List.of(),
        List.of(EXPIRY_WARNING),
        facts,
        List.of("Healthy"),
        "0123456789abcdef");
  }

  /** Only the login answer is known: earlier layers were not checked. */
  static Diagnosis loginOnly() {
    return new Diagnosis(
        1,
        "INVALID_DETAILS",
        "Invalid Details",
        "Invalid Details: The panel refused this username and password",
        List.of(new Cause("CREDENTIALS_REJECTED", "The panel refused this username and password")),
        REJECTED_FINDING.fixes(),
        List.of(),
        List.of(REJECTED_FINDING),
        List.of(REJECTED),
        List.of(),
        "0123456789abcdef");
  }
}
