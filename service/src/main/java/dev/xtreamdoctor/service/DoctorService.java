package dev.xtreamdoctor.service;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.xtreamdoctor.api.RulesStatus;
import dev.xtreamdoctor.api.TargetGuard;
import dev.xtreamdoctor.api.XtreamDoctor;
import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.FactsJson;
import dev.xtreamdoctor.engine.Redactor;
import dev.xtreamdoctor.engine.RulesException;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.render.JsonRenderer;
import dev.xtreamdoctor.engine.render.MarkdownRenderer;
import dev.xtreamdoctor.probes.BadServerInputException;
import dev.xtreamdoctor.probes.TargetRefusedException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code xtream-doctor serve}: the HTTP JSON service and the helpdesk page, on the JDK's own HTTP
 * server (no framework: every byte of a request passes the checks below before anything else
 * reads it). Every {@code /v1} call needs a bearer token; each client has a rate limit; diagnoses
 * and evaluations each have a fixed number of slots and a bounded wait for one; bodies have a size
 * limit; every error is {@code application/problem+json}. Diagnoses reach panels only through the
 * {@link TargetGuard}.
 */
public final class DoctorService implements AutoCloseable {
  /** Shared: every {@code Json.create...} call looks the JSON provider up again (~50 µs). */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final System.Logger LOG = System.getLogger("dev.xtreamdoctor.service");

  /** The routes, as the OpenAPI document must describe them: method and path. */
  static final List<String> API_ROUTES =
      List.of("POST /v1/diagnoses", "POST /v1/evaluations", "GET /v1/rules", "GET /health", "GET /openapi.json");

  private static final Map<String, String> PAGE =
      Map.of("/", "index.html", "/helpdesk.js", "helpdesk.js", "/helpdesk.css", "helpdesk.css");

  private final HttpServer server;
  private final ExecutorService threads;
  private final XtreamDoctor doctor;
  private final ServeSettings settings;
  private final BearerTokens tokens;
  private final RateLimiter rates;
  private final Semaphore diagnoses;
  private final Semaphore evaluations;
  private final Map<String, byte[]> resources;

  private DoctorService(HttpServer server, ExecutorService threads, XtreamDoctor doctor, ServeSettings settings) {
    this.server = server;
    this.threads = threads;
    this.doctor = doctor;
    this.settings = settings;
    this.tokens = new BearerTokens(settings.tokens());
    this.rates = new RateLimiter(settings.ratePerSecond(), settings.rateBurst());
    this.diagnoses = new Semaphore(settings.maxDiagnoses(), true);
    this.evaluations = new Semaphore(settings.maxEvaluations(), true);
    this.resources = Map.of(
        "index.html", resource("index.html"), "helpdesk.js", resource("helpdesk.js"),
        "helpdesk.css", resource("helpdesk.css"), "openapi.json", resource("openapi.json"));
  }

  /**
   * Binds the socket, then builds the doctor with {@code guard} (told the service's own address,
   * so a diagnosis can never be pointed back at it) and starts serving.
   *
   * @throws IOException when the address cannot be bound
   * @throws RulesException when the rules do not load
   */
  public static DoctorService start(ServeSettings settings, XtreamDoctor.Builder builder, TargetGuard guard)
      throws IOException, RulesException {
    // the JDK server's own guards against slow or idle clients (read once, at first use)
    System.setProperty("sun.net.httpserver.maxReqTime", System.getProperty("sun.net.httpserver.maxReqTime", "30"));
    System.setProperty("sun.net.httpserver.maxRspTime", System.getProperty("sun.net.httpserver.maxRspTime", "90"));
    System.setProperty("sun.net.httpserver.idleInterval", System.getProperty("sun.net.httpserver.idleInterval", "30"));
    // headers and body go out in separate writes: without TCP_NODELAY, Nagle and the client's
    // delayed ACK hold every answer for ~40 ms
    System.setProperty("sun.net.httpserver.nodelay", System.getProperty("sun.net.httpserver.nodelay", "true"));
    InetSocketAddress bind = new InetSocketAddress(InetAddress.getByName(literalHost(settings.host())), settings.port());
    HttpServer server = HttpServer.create(bind, 256);
    XtreamDoctor doctor;
    try {
      doctor = builder.targetPolicy(guard.excludingSelf(server.getAddress())).build();
    } catch (RulesException | RuntimeException e) {
      server.stop(0);
      throw e;
    }
    int poolSize = settings.maxDiagnoses() * 2 + settings.maxEvaluations() + 8;
    AtomicInteger n = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(poolSize, r -> {
      Thread t = new Thread(r, "serve-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    DoctorService service = new DoctorService(server, threads, doctor, settings);
    server.createContext("/", service::handle);
    server.setExecutor(threads);
    server.start();
    LOG.log(Level.INFO, "serving on {0}", service.uri());
    return service;
  }

  /** The host to bind must be a literal or {@code localhost}: binding never triggers a lookup of a name. */
  private static String literalHost(String host) {
    if (host.equals("localhost")) {
      return "127.0.0.1";
    }
    if (!host.matches("[0-9A-Fa-f:.]+")) {
      throw new IllegalArgumentException("doctor.serve.host must be an IP address, e.g. 127.0.0.1 or 0.0.0.0");
    }
    return host;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** The base URI, e.g. {@code http://127.0.0.1:8765}. */
  public URI uri() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
    return URI.create("http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + a.getPort());
  }

  public XtreamDoctor doctor() {
    return doctor;
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
    doctor.close();
  }

  private void handle(HttpExchange ex) {
    long start = System.nanoTime();
    String route = ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath();
    int status;
    try {
      status = route(ex);
    } catch (IOException | UncheckedIOException e) {
      status = -1; // the client went away
    } catch (RuntimeException | Error e) {
      LOG.log(Level.ERROR, "internal error on " + route, e);
      status = send(ex, Problem.of(500, "internal", "Internal error", "the service failed; see its log"));
    } finally {
      ex.close();
    }
    Level level = status >= 500 || status < 0 ? Level.WARNING : status >= 400 ? Level.INFO : Level.DEBUG;
    if (LOG.isLoggable(level)) {
      LOG.log(level, "{0} -> {1} in {2} ms", route, status, (System.nanoTime() - start) / 1_000_000);
    }
  }

  private int route(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getRawPath();
    if (PAGE.containsKey(path)) {
      return method.equals("GET") || method.equals("HEAD") ? page(ex, PAGE.get(path)) : notAllowed(ex, "GET");
    }
    switch (path) {
      case "/health":
        return method.equals("GET") ? health(ex) : notAllowed(ex, "GET");
      case "/openapi.json":
        return method.equals("GET") ? sendBytes(ex, 200, "application/json", resources.get("openapi.json")) : notAllowed(ex, "GET");
      case "/v1/diagnoses":
      case "/v1/evaluations":
      case "/v1/rules":
        return api(ex, method, path);
      default:
        return send(ex, Problem.of(404, "not-found", "Not found", "no such resource; see /openapi.json"));
    }
  }

  private int api(HttpExchange ex, String method, String path) throws IOException {
    String expected = path.equals("/v1/rules") ? "GET" : "POST";
    Optional<String> caller = tokens.caller(ex.getRequestHeaders().getFirst("Authorization"));
    String client = caller.orElse("ip-" + ex.getRemoteAddress().getAddress().getHostAddress());
    int wait = rates.take(client);
    if (wait > 0) {
      return send(ex, new Problem(429, "rate-limited", "Too many requests",
          "this client's request rate is limited; try again in " + wait + " s", wait));
    }
    if (caller.isEmpty()) {
      ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"xtream-doctor\"");
      return send(ex, Problem.of(401, "unauthorized", "Unauthorized",
          "send the header Authorization: Bearer <token>"));
    }
    if (!method.equals(expected)) {
      return notAllowed(ex, expected);
    }
    if (path.equals("/v1/rules")) {
      return sendJson(ex, 200, rulesJson(doctor.rules()).build().toString());
    }
    String type = Optional.ofNullable(ex.getRequestHeaders().getFirst("Content-Type")).orElse("");
    if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      return send(ex, Problem.of(415, "unsupported-media-type", "Unsupported media type",
          "send the body as application/json"));
    }
    Optional<String> body = body(ex);
    if (body.isEmpty()) {
      return send(ex, Problem.of(413, "too-large", "Request too large",
          "the body is larger than " + settings.maxBodyBytes() + " bytes"));
    }
    boolean diagnosis = path.equals("/v1/diagnoses");
    Semaphore slots = diagnosis ? diagnoses : evaluations;
    try {
      if (!slots.tryAcquire(settings.queueTimeoutMs(), TimeUnit.MILLISECONDS)) {
        return send(ex, new Problem(503, "busy", "Service busy",
            "all " + (diagnosis ? "diagnosis" : "evaluation") + " slots stayed busy; try again shortly", 1));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return send(ex, new Problem(503, "busy", "Service busy", "the service is stopping", 1));
    }
    try {
      return diagnosis ? diagnose(ex, body.get(), client) : evaluate(ex, body.get());
    } finally {
      slots.release();
    }
  }

  private int diagnose(HttpExchange ex, String body, String client) throws IOException {
    DiagnosisBody.Read read;
    try {
      read = DiagnosisBody.read(body);
    } catch (DiagnosisBody.BadBody e) {
      return send(ex, Problem.of(400, "bad-request", "Bad request", e.getMessage()));
    }
    try {
      Diagnosis d = doctor.diagnose(read.request());
      LOG.log(Level.INFO, "diagnosis for {0}: {1}", client, d.category());
      JsonObjectBuilder out = JSON.createObjectBuilder(JsonRenderer.toJson(d))
          .add("checkedAt", doctor.clock().instant().toString())
          .add("ticketReply", new MarkdownRenderer().render(d));
      return sendJson(ex, 200, scrub(out.build().toString(), read.password()));
    } catch (BadServerInputException e) {
      return send(ex, Problem.of(422, "bad-server", "Unusable server address", scrub(e.getMessage(), read.password())));
    } catch (TargetRefusedException e) {
      LOG.log(Level.INFO, "diagnosis for {0} refused: {1}", client, scrub(e.reason(), read.password()));
      String why = e.reason().substring(e.reason().indexOf(": ") + 2);
      return send(ex, Problem.of(422, "target-refused", "Server not allowed",
          "this service does not contact that server: " + scrub(why, read.password())));
    }
  }

  /**
   * Defence in depth: the facts never hold the password, but any text going back is scrubbed of
   * it anyway (unless it is so short that masking it would garble the answer).
   */
  private static String scrub(String text, String password) {
    return Redactor.maskUrl(password.length() < 4 ? text : Redactor.scrub(text, password));
  }

  private int evaluate(HttpExchange ex, String body) throws IOException {
    List<Fact> facts;
    try {
      facts = FactsJson.read(body);
    } catch (FactsJson.FactsException e) {
      return send(ex, Problem.of(400, "bad-facts", "Bad facts", e.getMessage()));
    }
    Diagnosis d = doctor.evaluate(facts);
    return sendJson(ex, 200, Redactor.maskUrl(JsonRenderer.toJson(d).toString()));
  }

  private int health(HttpExchange ex) throws IOException {
    return sendJson(ex, 200, JSON.createObjectBuilder()
        .add("status", "ok").add("rulesVersion", doctor.rules().fingerprint()).build().toString());
  }

  static JsonObjectBuilder rulesJson(RulesStatus s) {
    JsonObjectBuilder b = JSON.createObjectBuilder()
        .add("fingerprint", s.fingerprint())
        .add("origin", s.origin())
        .add("loadedAt", s.loadedAt().toString());
    if (s.lastReload().isPresent()) {
      JsonArrayBuilder problems = JSON.createArrayBuilder();
      s.lastReload().get().problems().forEach(p -> problems.add(JSON.createObjectBuilder()
          .add("file", p.file()).add("line", p.line()).add("column", p.column()).add("message", p.message())
          .add("text", p.toString())));
      b.add("lastReloadError", JSON.createObjectBuilder()
          .add("at", s.lastReload().get().at().toString()).add("problems", problems));
    } else {
      b.add("lastReloadError", jakarta.json.JsonValue.NULL);
    }
    return b;
  }

  /**
   * The body, or empty when it is larger than allowed. An oversized body is still read and thrown
   * away up to eight times the limit, so the client receives the 413 instead of a reset; beyond
   * that the connection is closed.
   */
  private Optional<String> body(HttpExchange ex) throws IOException {
    int max = settings.maxBodyBytes();
    long drainLimit = 8L * max;
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    long declared = -1;
    if (length != null) {
      try {
        declared = Long.parseLong(length.strip());
      } catch (NumberFormatException e) {
        declared = Long.MAX_VALUE;
      }
    }
    if (declared > drainLimit) {
      ex.getResponseHeaders().set("Connection", "close");
      return Optional.empty();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    long seen = 0;
    try (InputStream in = ex.getRequestBody()) {
      int r;
      while ((r = in.read(buf)) >= 0) {
        seen += r;
        if (seen > drainLimit) {
          ex.getResponseHeaders().set("Connection", "close");
          return Optional.empty();
        }
        if (seen <= max) {
          out.write(buf, 0, r);
        }
      }
    }
    return seen > max ? Optional.empty() : Optional.of(out.toString(StandardCharsets.UTF_8));
  }

  private int page(HttpExchange ex, String name) throws IOException {
    Headers h = ex.getResponseHeaders();
    h.set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        + "img-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors " + settings.frameAncestors());
    h.set("Referrer-Policy", "no-referrer");
    String type = name.endsWith(".html") ? "text/html; charset=utf-8"
        : name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
    return sendBytes(ex, 200, type, resources.get(name));
  }

  private int notAllowed(HttpExchange ex, String allowed) {
    ex.getResponseHeaders().set("Allow", allowed);
    return send(ex, Problem.of(405, "method-not-allowed", "Method not allowed", "use " + allowed));
  }

  private int send(HttpExchange ex, Problem p) {
    if (p.retryAfterSeconds() > 0) {
      ex.getResponseHeaders().set("Retry-After", Integer.toString(p.retryAfterSeconds()));
    }
    try {
      return sendBytes(ex, p.status(), Problem.MEDIA_TYPE, p.json().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      return -1;
    }
  }

  private static int sendJson(HttpExchange ex, int status, String json) throws IOException {
    return sendBytes(ex, status, "application/json", json.getBytes(StandardCharsets.UTF_8));
  }

  private static int sendBytes(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    Headers h = ex.getResponseHeaders();
    h.set("Content-Type", type);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("Cache-Control", "no-store");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
    return status;
  }

  private static byte[] resource(String name) {
    try (InputStream in = DoctorService.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
