package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.facts.HttpResponse;
import dev.xtreamdoctor.engine.facts.LoginAnswer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The login an app makes first: {@code GET /player_api.php?username=U&password=P}, and the
 * credential-free {@code GET /} used to look at an address only the system resolver gave.
 */
final class HttpLoginProbe {
  static final String LOGIN = "login";
  static final String BLOCK_CHECK = "block_check";

  private final HttpExchange exchange;
  private final Redactor redactor;

  HttpLoginProbe(HttpExchange exchange, Redactor redactor) {
    this.exchange = exchange;
    this.redactor = redactor;
  }

  /** One login attempt: the HTTP fact, and the panel's JSON answer if it sent one. */
  record Login(HttpResponse response, Optional<LoginAnswer> answer) {}

  Login login(
      HttpExchange.Target target, String username, Secret password, String variant, long deadlineNanos)
      throws Exception {
    String query =
        "/player_api.php?username=" + encode(username) + "&password=" + encode(password.reveal());
    HttpExchange.Result r = exchange.get(target, query, deadlineNanos);
    HttpResponse response = fact(LOGIN, target, r);
    Optional<LoginAnswer> answer = Optional.empty();
    if (r.answered() && (response.bodyShape().equals("json")
        || r.status() == 200 && response.bodyShape().equals("other"))) {
      answer = Optional.of(scrubbed(LoginAnswerReader.read(r.body(), variant)));
    }
    return new Login(response, answer);
  }

  HttpResponse blockCheck(HttpExchange.Target target, long deadlineNanos) throws Exception {
    return fact(BLOCK_CHECK, target, exchange.get(target, "/", deadlineNanos));
  }

  /** Loads the HTTP stack early, while other probes run. */
  void warmUp() {
    exchange.warmUp();
  }

  /** Form encoding, as PHP decodes it: a space becomes {@code +}, a plus {@code %2B}. */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpResponse fact(String purpose, HttpExchange.Target target, HttpExchange.Result r) {
    String shape = r.answered() ? ResponseSignals.bodyShape(r.body(), r.contentType()) : "";
    List<String> signals =
        r.answered() ? ResponseSignals.signals(r.status(), r.server(), r.cfRay(), shape, r.body()) : List.of();
    return new HttpResponse(
        purpose,
        target.address().getHostAddress(),
        target.resolverRole(),
        r.outcome(),
        r.status(),
        bounded(redactor.scrub(r.contentType())),
        shape,
        r.body().length,
        bounded(redactor.scrub(r.server())),
        bounded(redactor.scrub(r.cfRay())),
        signals,
        bounded(redactor.maskUrl(r.location())),
        r.millis());
  }

  /** The most of one panel text kept in a fact: a status is a word, a header a line. */
  static final int MAX_TEXT = 256;

  /**
   * A panel's text, cut at {@link #MAX_TEXT} characters so a panel cannot flood the report (cut
   * after scrubbing, so a password split by the cut is still masked whole).
   */
  static String bounded(String text) {
    return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
  }

  private LoginAnswer scrubbed(LoginAnswer a) {
    return new LoginAnswer(
        a.outcome(),
        a.auth(),
        bounded(redactor.scrub(a.status())),
        a.expDate(),
        a.serverTime(),
        a.trial(),
        a.activeConnections(),
        a.maxConnections(),
        a.panelFamily(),
        bounded(redactor.scrub(a.serverProtocol())),
        bounded(redactor.scrub(a.serverPort())),
        bounded(redactor.scrub(a.httpsPort())),
        a.usernameVariant());
  }
}
