package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.PageSignals;
import dev.xtreamdoctor.engine.Redactor;
import dev.xtreamdoctor.engine.facts.HttpResponse;
import dev.xtreamdoctor.engine.facts.LoginAnswer;
import dev.xtreamdoctor.engine.facts.Outcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The login an app makes first, {@code GET /player_api.php?username=U&password=P}, with every
 * redirect followed as the app follows it ({@link Redirects}): each hop is screened by the network
 * gate (and so by the service's target policy) before anything is sent to it, counted in the
 * request budget, and reported as a fact. Also the credential-free {@code GET /} used to look at an
 * address only the system resolver gave.
 */
final class HttpLoginProbe {
  static final String LOGIN = "login";
  static final String REDIRECT = "redirect";
  static final String PUBLIC_LOGIN = "public_login";
  static final String BLOCK_CHECK = "block_check";

  private static final Pattern IP_LITERAL =
      Pattern.compile("[0-9.]+|[0-9a-fA-F:.%]*:[0-9a-fA-F:.%]*");

  /** The system resolver's addresses for a host a redirect leads to, in the app's order. */
  interface HopResolver {
    List<InetAddress> resolve(String host) throws IOException;
  }

  private final HttpExchange exchange;
  private final Redactor redactor;
  private final HopResolver hopResolver;
  private final PageSignals pages;

  HttpLoginProbe(
      HttpExchange exchange, Redactor redactor, HopResolver hopResolver, PageSignals pages) {
    this.exchange = exchange;
    this.redactor = redactor;
    this.hopResolver = hopResolver;
    this.pages = pages;
  }

  /**
   * One login: its HTTP facts in order (redirect hops, then the last exchange with the given
   * purpose) and the panel's JSON answer if the last exchange brought one, read whole.
   */
  record Login(List<HttpResponse> responses, Optional<LoginAnswer> answer) {
    Login {
      responses = List.copyOf(responses);
    }

    /** The last exchange: the one whose answer counts; null if nothing was sent. */
    HttpResponse last() {
      return responses.isEmpty() ? null : responses.get(responses.size() - 1);
    }
  }

  /**
   * The login through {@code budget}; {@code purpose} is {@link #LOGIN} for the app's path, or
   * {@link #PUBLIC_LOGIN} for the comparison through a public resolver's address.
   */
  Login login(
      HttpExchange.Target target,
      String purpose,
      String username,
      Secret password,
      PanelBudget budget,
      long deadlineNanos)
      throws Exception {
    String first =
        "/player_api.php?username=" + encode(username) + "&password=" + encode(password.reveal());
    HttpExchange.Target at = target;
    URI url = URI.create(target.origin() + first);
    HttpExchange.Result r = budget.send(username, () -> exchange.get(target, first, deadlineNanos));
    List<HttpResponse> out = new ArrayList<>();
    if (r == null) {
      return new Login(out, Optional.empty());
    }
    Set<String> visited = new HashSet<>();
    for (int hop = 0; ; hop++) {
      visited.add(url.toString());
      Step step = nextStep(at, url, r, hop, visited);
      HttpExchange.Result next = null;
      if (step.target() != null) {
        HttpExchange.Target to = step.target();
        URI toUrl = step.url();
        next = budget.sendFollowUp(() -> follow(to, toUrl, deadlineNanos));
        if (next == null) {
          step =
              Step.stop(Outcome.HTTP_STATUS, "not followed: the doctor's request budget was spent");
        }
      }
      boolean last = next == null;
      out.add(fact(last ? purpose : REDIRECT, at, url, hop, r, step.outcome(), step.detail()));
      if (last) {
        break;
      }
      at = step.target();
      url = step.url();
      r = next;
    }
    HttpResponse end = out.get(out.size() - 1);
    Optional<LoginAnswer> answer = Optional.empty();
    if (purpose.equals(LOGIN)
        && end.outcome().equals(Outcome.HTTP_STATUS)
        && r.answered()
        && (end.bodyShape().equals("json")
            || end.signals().contains("user_info")
            || r.status() == 200 && end.bodyShape().equals("other"))) {
      answer = Optional.of(scrubbed(LoginAnswerReader.read(r.body())));
    }
    return new Login(out, answer);
  }

  /** One hop, with a connect that never got an HTTP answer named a dead end of the chain. */
  private HttpExchange.Result follow(HttpExchange.Target to, URI url, long deadlineNanos)
      throws Exception {
    HttpExchange.Result r;
    try {
      r = exchange.get(to, Redirects.pathAndQuery(url), deadlineNanos);
    } catch (NetworkRefusedException e) {
      return failed(
          Outcome.HTTP_REDIRECT_REFUSED, to, "the network gate refused it: " + e.getMessage());
    }
    if (!r.answered() && r.outcome().equals(Outcome.HTTP_ERROR)) {
      return failed(
          Outcome.HTTP_REDIRECT_DEAD_END,
          to,
          "the redirect's target " + to.origin() + " cannot be reached: " + r.detail());
    }
    return r;
  }

  private static HttpExchange.Result failed(String outcome, HttpExchange.Target to, String detail) {
    return new HttpExchange.Result(
        outcome, 0, "", "", "", "", "", 0, new byte[0], 0, detail, to.address(), List.of());
  }

  /** What comes after an answer: stop with an outcome, or follow to a screened target. */
  private record Step(String outcome, String detail, HttpExchange.Target target, URI url) {
    static Step stop(String outcome, String detail) {
      return new Step(outcome, detail, null, null);
    }
  }

  /** The addresses a redirect's host leads to, and who gave them. */
  private record HopAddresses(List<InetAddress> addresses, String role) {}

  /**
   * Where the app goes for a redirect's host: the same addresses for the same host, a literal as
   * written (no lookup), else what the app's resolver says (nothing, if it fails).
   *
   * @throws IOException only for a literal that cannot be read
   */
  private HopAddresses hopAddresses(HttpExchange.Target at, String host) throws IOException {
    if (host.equalsIgnoreCase(at.host())) {
      return new HopAddresses(at.addresses(), at.resolverRole());
    }
    if (IP_LITERAL.matcher(host).matches()) {
      return new HopAddresses(List.of(InetAddress.getByName(host)), "literal");
    }
    try {
      return new HopAddresses(hopResolver.resolve(host), "system");
    } catch (IOException e) {
      return new HopAddresses(List.of(), "system");
    }
  }

  private Step nextStep(
      HttpExchange.Target at, URI url, HttpExchange.Result r, int hop, Set<String> visited) {
    if (!r.answered()
        || !r.outcome().equals(Outcome.HTTP_STATUS)
        || !Redirects.isRedirect(r.status())) {
      return Step.stop(r.outcome(), r.detail());
    }
    Optional<URI> next = Redirects.next(url, r.location());
    if (next.isEmpty()) {
      return Step.stop(
          Outcome.HTTP_REDIRECT_DEAD_END,
          r.location().isBlank()
              ? "HTTP " + r.status() + " without a Location header: the app stops here"
              : "HTTP "
                  + r.status()
                  + " to a Location that is no http or https URL: the app stops here");
    }
    URI to = next.get();
    if (visited.contains(to.toString())) {
      return Step.stop(
          Outcome.HTTP_REDIRECT_LOOP,
          "the redirect leads back to a URL already requested (after " + (hop + 1) + " redirects)");
    }
    if (hop + 1 > Redirects.MAX) {
      return Step.stop(
          Outcome.HTTP_TOO_MANY_REDIRECTS,
          "more than " + Redirects.MAX + " redirects, where the app gives up");
    }
    String host = Redirects.host(to);
    int port = Redirects.port(to);
    HopAddresses where;
    try {
      where = hopAddresses(at, host);
    } catch (IOException e) {
      return Step.stop(
          Outcome.HTTP_REDIRECT_DEAD_END, "the redirect names an address that cannot be read");
    }
    String role = where.role();
    List<InetAddress> usable = new ArrayList<>();
    for (InetAddress a : where.addresses()) {
      if (a.isAnyLocalAddress()) {
        continue; // 0.0.0.0 holds no server: the app's connect goes nowhere
      }
      try {
        exchange.gate().admit(a, port);
      } catch (NetworkRefusedException e) {
        return Step.stop(
            Outcome.HTTP_REDIRECT_REFUSED,
            "the redirect to "
                + to.getScheme()
                + "://"
                + to.getRawAuthority()
                + " was not followed: the network gate refused "
                + e.getMessage());
      }
      usable.add(a);
    }
    if (usable.isEmpty()) {
      return Step.stop(
          Outcome.HTTP_REDIRECT_DEAD_END,
          "the redirect leads to " + host + ", which has no address the app could use");
    }
    String urlHost = host.contains(":") ? "[" + host + "]" : host;
    return new Step(
        r.outcome(),
        "",
        new HttpExchange.Target(
            to.getScheme().toLowerCase(java.util.Locale.ROOT), host, urlHost, port, usable, role),
        to);
  }

  HttpResponse blockCheck(HttpExchange.Target target, long deadlineNanos) throws Exception {
    URI url = URI.create(target.origin() + "/");
    HttpExchange.Result r = exchange.get(target, "/", deadlineNanos);
    return fact(BLOCK_CHECK, target, url, 0, r, r.outcome(), r.detail());
  }

  /** Loads the HTTP stack early, while other probes run. */
  void warmUp() {
    exchange.warmUp();
  }

  /** Form encoding, as PHP decodes it: a space becomes {@code +}, a plus {@code %2B}. */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private HttpResponse fact(
      String purpose,
      HttpExchange.Target target,
      URI url,
      int hop,
      HttpExchange.Result r,
      String outcome,
      String detail) {
    String shape = r.answered() ? ResponseSignals.bodyShape(r.body(), r.contentType()) : "";
    List<String> signals = new ArrayList<>(r.wireSignals());
    if (r.answered()) {
      signals.addAll(
          ResponseSignals.signals(r.status(), r.server(), r.cfRay(), shape, r.body(), pages));
    }
    return new HttpResponse(
        purpose,
        r.address().getHostAddress(),
        target.resolverRole(),
        outcome,
        r.status(),
        bounded(redactor.scrub(r.contentType())),
        shape,
        r.body().length,
        bounded(redactor.scrub(r.server())),
        bounded(redactor.scrub(r.cfRay())),
        signals,
        bounded(redactor.scrub(r.location())),
        r.millis(),
        bounded(redactor.scrub(url.toString())),
        hop,
        r.declaredLength(),
        bounded(redactor.scrub(r.contentEncoding())),
        bounded(redactor.scrub(detail)));
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
        bounded(redactor.scrub(a.httpsPort())));
  }
}
