package dev.xtreamdoctor.features;

import static dev.xtreamdoctor.features.FactSheet.where;

import dev.xtreamdoctor.engine.watch.CheckRecord;
import dev.xtreamdoctor.engine.watch.HistoryJson;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Given-steps that build facts, as a probe run or a helpdesk tool would hand them in. Each step
 * changes the facts in one plain way; the generic table steps reach any field of
 * rules/FACTS.md.
 */
public class FactSteps {
  private static final long DAY = 86_400L;

  private static FactSheet facts() {
    return World.facts;
  }

  // ---- starting points --------------------------------------------------------------------

  @Given("the facts of a working login")
  public void aWorkingLogin() {
    facts().loadExample("healthy");
  }

  @Given("the facts of the example {string}")
  public void theExample(String name) {
    facts().loadExample(name);
  }

  @Given("only these facts:")
  public void onlyTheseFacts(String json) {
    facts().clear();
    facts().addJson(json);
  }

  // ---- a watch over time -----------------------------------------------------------------

  /** A watch's history as {@code watch --history} writes it: one JSON line per check. */
  @Given("the watch history:")
  public void theWatchHistory(String jsonLines) {
    try {
      facts().addHistory(
          HistoryJson.read(
              "the watch history",
              new java.io.ByteArrayInputStream(jsonLines.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    } catch (HistoryJson.HistoryException | java.io.IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * A watch's checks as a table: {@code time} ({@code 2026-03-02 19:00}, or with an offset {@code
   * 2026-03-02 19:00 +01:00}; UTC without one), {@code category}, {@code cause}, and any of {@code
   * layer}, {@code dnsSystemMs}, {@code connectMs}, {@code tlsMs}, {@code loginMs}, {@code status},
   * {@code expDate}. A row with {@code every} and {@code until} stands for a check every so many
   * minutes up to that time.
   */
  @Given("a watch of these checks:")
  public void aWatchOfTheseChecks(DataTable table) {
    List<CheckRecord> checks = new java.util.ArrayList<>();
    for (Map<String, String> row : table.asMaps()) {
      checks.addAll(WatchRows.checks(row));
    }
    facts().addHistory(checks);
  }

  // ---- any fact, any field ----------------------------------------------------------------

  @Given("the {word} fact has:")
  public void theFactHas(String type, DataTable fields) {
    facts().set(type, fields.asMap());
  }

  @Given("the {word} resolver's answer has:")
  public void theResolversAnswerHas(String role, DataTable fields) {
    facts().set("DnsAnswer", where("resolverRole", role), fields.asMap());
  }

  @Given("there is also a(n) {word} fact:")
  public void thereIsAlso(String type, DataTable fields) {
    facts().add(type, fields.asMap());
  }

  @Given("there is no {word} fact")
  public void thereIsNo(String type) {
    facts().remove(type);
  }

  // ---- what was typed ---------------------------------------------------------------------

  @Given("the server field holds the {word} link {string}")
  public void theServerFieldHoldsALink(String form, String typed) {
    facts().set("ServerInput", Map.of("typed", typed, "pastedForm", form));
  }

  @Given("the server URL was typed as {string} without a scheme")
  public void typedWithoutScheme(String typed) {
    facts().set("ServerInput", Map.of("typed", typed, "schemeGiven", "false"));
  }

  @Given("the server URL was typed as {string} with port {int}")
  public void typedWithPort(String typed, int port) {
    facts().set("ServerInput", Map.of("typed", typed, "port", String.valueOf(port), "baseUrl", typed));
    facts().set("TcpConnect", Map.of("port", String.valueOf(port)));
  }

  @Given("the server URL was typed as {string} with https")
  public void typedWithHttps(String typed) {
    facts().set("ServerInput", Map.of("typed", typed, "scheme", "https", "baseUrl", typed));
  }

  @Given("the server URL was typed as {string}, which is no valid host name")
  public void typedMalformed(String typed) {
    facts()
        .set(
            "ServerInput",
            Map.of("typed", typed, "outcome", "input.host_malformed", "hostKind", "invalid", "baseUrl", ""));
  }

  @Given("the {word} is blank")
  public void blank(String field) {
    facts().set("CredentialInput", where("field", field), Map.of("blank", "true", "length", "0"));
  }

  @Given("the {word} has a space before or after it")
  public void outerSpaces(String field) {
    facts().set("CredentialInput", where("field", field), Map.of("outerSpaces", "true"));
  }

  @Given("the {word} mixes upper- and lower-case letters")
  public void mixedCase(String field) {
    facts().set("CredentialInput", where("field", field), Map.of("mixedCase", "true", "caseShape", "mixed"));
  }

  @Given("the {word} is cased {string}")
  public void caseShape(String field, String shape) {
    boolean mixed = shape.equals("capitalised") || shape.equals("mixed");
    facts().set("CredentialInput", where("field", field), Map.of("mixedCase", String.valueOf(mixed), "caseShape", shape));
  }

  // ---- DNS --------------------------------------------------------------------------------

  /** NXDOMAIN, SERVFAIL, REFUSED, NODATA (the name, but no address), or "nothing" (no answer in time). */
  @Given("the {word} resolver answers {word}")
  public void theResolverAnswers(String role, String answer) {
    facts().set("DnsAnswer", where("resolverRole", role), dnsFailure(answer));
  }

  @Given("every resolver answers {word}")
  public void everyResolverAnswers(String answer) {
    facts().set("DnsAnswer", dnsFailure(answer));
  }

  @Given("the {word} resolver answers the address {string} \\({word})")
  public void theResolverAnswersTheAddress(String role, String address, String kind) {
    facts()
        .set(
            "DnsAnswer",
            where("resolverRole", role),
            Map.of("outcome", "dns.answered", "rcode", "NOERROR", "addresses", address, "addressKinds", kind));
  }

  private static Map<String, String> dnsFailure(String answer) {
    String outcome =
        switch (answer) {
          case "NXDOMAIN" -> "dns.name_not_resolved";
          case "SERVFAIL" -> "dns.failed";
          case "REFUSED" -> "dns.refused";
          case "nothing" -> "dns.timed_out";
          case "NODATA" -> "dns.no_data";
          default -> throw new IllegalArgumentException(
              "unknown DNS answer " + answer + " (NXDOMAIN, SERVFAIL, REFUSED, NODATA, nothing)");
        };
    String rcode = answer.equals("nothing") ? "" : answer.equals("NODATA") ? "NOERROR" : answer;
    return Map.of("outcome", outcome, "rcode", rcode, "addresses", "", "addressKinds", "");
  }

  // ---- TCP --------------------------------------------------------------------------------

  /** refused, timed_out, unreachable: no HTTP exchange and no login answer follow. */
  @Given("the connection to the panel's port is {word}")
  public void theConnectionIs(String outcome) {
    facts().set("TcpConnect", Map.of("outcome", "tcp." + outcome));
    facts().remove("HttpResponse");
    facts().remove("LoginAnswer");
  }

  @Given("the panel went silent after answering")
  public void silentAfterAnswering() {
    facts()
        .add(
            "TcpConnect",
            Map.of(
                "address", facts().get("TcpConnect", "address"),
                "port", facts().get("TcpConnect", "port"),
                "resolverRole", "system",
                "outcome", "tcp.timed_out",
                "stage", "after_login",
                "millis", "5000"));
  }

  @Given("the doctor stopped probing because the panel went silent after {int} requests")
  public void probingStopped(int sent) {
    facts().set("PanelRequests", Map.of("sent", String.valueOf(sent), "stoppedEarly", "true", "stopReason", "panel_went_silent"));
  }

  @Given("the TLS handshake finds plain HTTP on the port")
  public void plainHttpOnTlsPort() {
    facts()
        .add(
            "TlsHandshake",
            Map.of(
                "address", facts().get("TcpConnect", "address"),
                "port", facts().get("TcpConnect", "port"),
                "outcome", "tls.protocol_mismatch",
                "millis", "45"));
    facts().remove("HttpResponse");
    facts().remove("LoginAnswer");
  }

  /** tls.cert.expired, tls.cert.untrusted, tls.cert.name_mismatch, tls.failed...: no HTTP follows. */
  @Given("the TLS handshake fails with {word}: {string}")
  public void tlsFails(String outcome, String detail) {
    facts()
        .add(
            "TlsHandshake",
            Map.of(
                "address", facts().get("TcpConnect", "address"),
                "port", facts().get("TcpConnect", "port"),
                "outcome", outcome,
                "millis", "88",
                "detail", detail));
    facts().remove("HttpResponse");
    facts().remove("LoginAnswer");
  }

  /** A probe broke: the tool's problem, not the line's. */
  @Given("the {word} check could not finish: {string}")
  public void aCheckBroke(String probe, String detail) {
    facts().add("ProbeProblem", Map.of("probe", probe, "detail", detail));
  }

  @Given("the median connect time is {int} ms")
  public void medianConnect(int ms) {
    facts().set("Latency", Map.of("medianMs", String.valueOf(ms), "maxMs", String.valueOf(ms + 60)));
  }

  // ---- HTTP -------------------------------------------------------------------------------

  /** A login answer that is not the panel's JSON: no LoginAnswer comes of it. */
  @Given("the login request gets HTTP {int} with a(n) {word} body of {int} bytes")
  public void theLoginGets(int status, String shape, int bytes) {
    String type = shape.equals("json") ? "application/json" : shape.equals("html") ? "text/html" : "text/plain";
    facts()
        .set(
            "HttpResponse",
            where("purpose", "login"),
            Map.of(
                "outcome", "http.status",
                "status", String.valueOf(status),
                "bodyShape", shape,
                "bodyBytes", String.valueOf(bytes),
                "contentType", type,
                "signals", ""));
    if (!shape.equals("json")) {
      facts().remove("LoginAnswer");
    }
  }

  @Given("the login request gets HTTP {int} with an empty body")
  public void theLoginGetsEmpty(int status) {
    facts()
        .set(
            "HttpResponse",
            where("purpose", "login"),
            Map.of("outcome", "http.status", "status", String.valueOf(status), "bodyShape", "empty", "bodyBytes", "0", "contentType", "", "signals", ""));
    facts().remove("LoginAnswer");
  }

  /**
   * The login gets a web page with these words instead of the panel's JSON; its signals are what
   * the page signals of the rules under test ({@code page-signals.txt}) find in it, as the probe
   * would. How a support person tests a block page they taught the doctor.
   */
  @Given("the login request gets HTTP {int} with a web page saying {string}")
  public void theLoginGetsAPage(int status, String words) {
    String page = "<!DOCTYPE html><html><head><title>Notice</title></head><body><p>" + words + "</p></body></html>";
    facts()
        .set(
            "HttpResponse",
            where("purpose", "login"),
            Map.of(
                "outcome", "http.status",
                "status", String.valueOf(status),
                "bodyShape", "html",
                "bodyBytes", String.valueOf(page.getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
                "contentType", "text/html",
                "signals", String.join(",", ScenarioRules.book().pageSignals().match(page))));
    facts().remove("LoginAnswer");
  }

  /** The login answer's signals become exactly this one. */
  @Given("the answer carries the signal {string}")
  public void theAnswerCarries(String signal) {
    facts().set("HttpResponse", where("purpose", "login"), Map.of("signals", signal));
  }

  @Given("the answer comes from Cloudflare with CF-RAY {string}")
  public void fromCloudflare(String ray) {
    facts().set("HttpResponse", where("purpose", "login"), Map.of("server", "cloudflare", "cfRay", ray, "signals", "cloudflare_error_page"));
  }

  @Given("the login request gets no answer within {int} ms")
  public void noAnswer(int ms) {
    facts()
        .set(
            "HttpResponse",
            where("purpose", "login"),
            Map.of("outcome", "http.timed_out", "status", "0", "bodyShape", "", "bodyBytes", "0", "contentType", "", "signals", "", "millis", String.valueOf(ms)));
    facts().remove("LoginAnswer");
  }

  @Given("the connection is reset during the login request")
  public void resetDuringLogin() {
    facts()
        .set(
            "HttpResponse",
            where("purpose", "login"),
            Map.of("outcome", "http.reset", "status", "0", "bodyShape", "", "bodyBytes", "0", "contentType", "", "signals", ""));
    facts().remove("LoginAnswer");
  }

  @Given("the port closes the connection without answering the login")
  public void emptyReply() {
    facts()
        .set(
            "HttpResponse",
            where("purpose", "login"),
            Map.of("outcome", "http.empty_reply", "status", "0", "bodyShape", "", "bodyBytes", "0", "contentType", "", "signals", ""));
    facts().remove("LoginAnswer");
  }

  /** panel.answer_unexpected (JSON without user_info) or panel.answer_malformed (not valid JSON). */
  @Given("the panel's answer is {word}")
  public void panelAnswerIs(String outcome) {
    facts().set("HttpResponse", where("purpose", "login"), Map.of("signals", ""));
    facts()
        .set(
            "LoginAnswer",
            Map.of("outcome", outcome, "auth", "-1", "status", "", "expDate", "0", "serverTime", "0", "panelFamily", "unknown"));
  }

  @Given("the login answer took {int} ms")
  public void loginTook(int ms) {
    facts().set("HttpResponse", where("purpose", "login"), Map.of("millis", String.valueOf(ms)));
  }

  @Given("the address {string}, which only the system resolver gave, serves a block page")
  public void blockPageAt(String address) {
    facts()
        .add(
            "HttpResponse",
            Map.of(
                "purpose", "block_check",
                "address", address,
                "resolverRole", "system",
                "outcome", "http.status",
                "status", "200",
                "contentType", "text/html",
                "bodyShape", "html",
                "bodyBytes", "3120",
                "signals", "block_page",
                "millis", "70"));
  }

  // ---- the login answer and the account ---------------------------------------------------

  @Given("the login answer says auth {int}")
  public void authIs(int auth) {
    facts()
        .set(
            "LoginAnswer",
            auth == 1
                ? Map.of("auth", "1", "outcome", "panel.login_ok")
                : Map.of("auth", String.valueOf(auth), "outcome", "panel.auth_rejected", "status", "", "expDate", "0", "serverTime", "0"));
  }

  @Given("the login answer says status {string}")
  public void statusIs(String status) {
    facts().set("LoginAnswer", Map.of("status", status));
  }

  @Given("the line expired {int} days before the server's clock")
  public void expiredDaysAgo(int days) {
    long now = Long.parseLong(facts().get("LoginAnswer", "serverTime"));
    facts().set("LoginAnswer", Map.of("expDate", String.valueOf(now - days * DAY)));
  }

  @Given("the line ends {int} hours after the server's clock")
  public void endsInHours(int hours) {
    long now = Long.parseLong(facts().get("LoginAnswer", "serverTime"));
    facts().set("LoginAnswer", Map.of("expDate", String.valueOf(now + hours * 3600L)));
  }

  @Given("the line is a trial")
  public void trial() {
    facts().set("LoginAnswer", Map.of("trial", "true"));
  }

  @Given("the line has {int} of {int} connections in use")
  public void connections(int active, int max) {
    facts().set("LoginAnswer", Map.of("activeConnections", String.valueOf(active), "maxConnections", String.valueOf(max)));
  }

  // ---- what the user reports --------------------------------------------------------------

  @Given("the user says the login works on mobile data")
  public void worksOnMobileData() {
    facts().set("ReportedSymptoms", Map.of("worksOnMobileData", "yes"));
  }

  @Given("the user says the login works through a VPN")
  public void worksOnVpn() {
    facts().set("ReportedSymptoms", Map.of("worksOnVpn", "yes"));
  }

  @Given("the user says the login works on another device")
  public void worksOnOtherDevice() {
    facts().set("ReportedSymptoms", Map.of("worksOnOtherDevice", "yes"));
  }

  @Given("the user says it fails mostly at peak hours")
  public void failsAtPeakHours() {
    facts().set("ReportedSymptoms", Map.of("failsAtPeakHours", "yes"));
  }

  /** "Authorization Failed" is stored as authorization_failed. */
  @Given("the app shows {string}")
  public void theAppShows(String message) {
    facts().set("ReportedSymptoms", Map.of("appMessage", message.strip().toLowerCase(Locale.ROOT).replace(' ', '_')));
  }

  @Given("the failing device is a(n) {word}")
  public void theDevice(String device) {
    facts().set("ReportedSymptoms", Map.of("device", device));
  }

  @Given("the check ran from a remote vantage")
  public void remoteVantage() {
    facts().set("ReportedSymptoms", Map.of("vantage", "remote"));
  }
}
