package dev.xtreamdoctor.features;

import static dev.xtreamdoctor.features.FactSheet.where;

import io.cucumber.java.en.Given;
import java.util.HashMap;
import java.util.Map;

/** Given-steps for what the login request got back over HTTP. */
public class HttpFactSteps {
  private final World world;
  private final ScenarioRules rules;

  public HttpFactSteps(World world, ScenarioRules rules) {
    this.world = world;
    this.rules = rules;
  }

  private FactSheet facts() {
    return world.facts();
  }

  // ---- HTTP -------------------------------------------------------------------------------

  /** A login answer that is not the panel's JSON: no LoginAnswer comes of it. */
  @Given("the login request gets HTTP {int} with a(n) {word} body of {int} bytes")
  public void theLoginGets(int status, String shape, int bytes) {
    String type =
        shape.equals("json")
            ? "application/json"
            : shape.equals("html") ? "text/html" : "text/plain";
    facts()
        .set(
            "HttpResponse",
            where("purpose", "login"),
            Map.of(
                "outcome",
                "http.status",
                "status",
                String.valueOf(status),
                "bodyShape",
                shape,
                "bodyBytes",
                String.valueOf(bytes),
                "contentType",
                type,
                "signals",
                ""));
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
            Map.of(
                "outcome",
                "http.status",
                "status",
                String.valueOf(status),
                "bodyShape",
                "empty",
                "bodyBytes",
                "0",
                "contentType",
                "",
                "signals",
                ""));
    facts().remove("LoginAnswer");
  }

  /**
   * The login gets a web page with these words instead of the panel's JSON; its signals are what
   * the page signals of the rules under test ({@code page-signals.txt}) find in it, as the probe
   * would. How a support person tests a block page they taught the doctor.
   */
  @Given("the login request gets HTTP {int} with a web page saying {string}")
  public void theLoginGetsAPage(int status, String words) {
    String page =
        "<!DOCTYPE html><html><head><title>Notice</title></head><body><p>"
            + words
            + "</p></body></html>";
    facts()
        .set(
            "HttpResponse",
            where("purpose", "login"),
            Map.of(
                "outcome",
                "http.status",
                "status",
                String.valueOf(status),
                "bodyShape",
                "html",
                "bodyBytes",
                String.valueOf(page.getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
                "contentType",
                "text/html",
                "signals",
                String.join(",", rules.book().pageSignals().match(page))));
    facts().remove("LoginAnswer");
  }

  /** The login answer's signals become exactly this one. */
  @Given("the answer carries the signal {string}")
  public void theAnswerCarries(String signal) {
    facts().set("HttpResponse", where("purpose", "login"), Map.of("signals", signal));
  }

  @Given("the answer comes from Cloudflare with CF-RAY {string}")
  public void fromCloudflare(String ray) {
    facts()
        .set(
            "HttpResponse",
            where("purpose", "login"),
            Map.of("server", "cloudflare", "cfRay", ray, "signals", "cloudflare_error_page"));
  }

  @Given("the login request gets no answer within {int} ms")
  public void noAnswer(int ms) {
    loginWithoutAnswer("http.timed_out", Map.of("millis", String.valueOf(ms)));
  }

  @Given("the connection is reset during the login request")
  public void resetDuringLogin() {
    loginWithoutAnswer("http.reset", Map.of());
  }

  @Given("the port closes the connection without answering the login")
  public void emptyReply() {
    loginWithoutAnswer("http.empty_reply", Map.of());
  }

  /**
   * panel.answer_unexpected (JSON without user_info) or panel.answer_malformed (not valid JSON).
   */
  @Given("the panel's answer is {word}")
  public void panelAnswerIs(String outcome) {
    facts().set("HttpResponse", where("purpose", "login"), Map.of("signals", ""));
    facts()
        .set(
            "LoginAnswer",
            Map.of(
                "outcome",
                outcome,
                "auth",
                "-1",
                "status",
                "",
                "expDate",
                "0",
                "serverTime",
                "0",
                "panelFamily",
                "unknown"));
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

  /** A login request that ended without an HTTP answer: no status, no body, no login answer. */
  private void loginWithoutAnswer(String outcome, Map<String, String> more) {
    Map<String, String> response = new HashMap<>(more);
    response.putAll(
        Map.of(
            "outcome", outcome,
            "status", "0",
            "bodyShape", "",
            "bodyBytes", "0",
            "contentType", "",
            "signals", ""));
    facts().set("HttpResponse", where("purpose", "login"), response);
    facts().remove("LoginAnswer");
  }
}
