package dev.xtreamdoctor.service;

import dev.xtreamdoctor.api.TargetGuard;
import dev.xtreamdoctor.api.XtreamDoctor;
import dev.xtreamdoctor.engine.RulesException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.jetty.JettyHttpContainer;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * {@code xtream-doctor serve}: the HTTP JSON service and the helpdesk page, as JAX-RS resources
 * (Jersey) on Jetty. Jetty reads requests without blocking, so a client that trickles its request
 * holds a connection, never a thread; the {@link ConnectionGuard} closes it when its head is late,
 * and caps connections per client address. Every {@code /v1} call needs a bearer token and each
 * client has a rate limit ({@link ClientGate}); diagnoses and evaluations each have a fixed number
 * of slots and a bounded wait for one; bodies have a size limit; every error is {@code
 * application/problem+json}. Diagnoses reach panels only through the {@link TargetGuard}.
 */
public final class DoctorService implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.xtreamdoctor.service");

  /** The routes, as the OpenAPI document must describe them: method and path. */
  static final List<String> API_ROUTES =
      List.of(
          "POST /v1/diagnoses",
          "POST /v1/evaluations",
          "GET /v1/rules",
          "GET /probe",
          "GET /metrics",
          "GET /health",
          "GET /health/live",
          "GET /health/ready",
          "GET /openapi.json");

  private final Server server;
  private final ServerConnector connector;
  private final ConnectionGuard guard;
  private final XtreamDoctor doctor;
  private final PanelTurns turns;
  private final ServiceMetrics metrics;

  private DoctorService(
      Server server,
      ServerConnector connector,
      ConnectionGuard guard,
      XtreamDoctor doctor,
      PanelTurns turns,
      ServiceMetrics metrics) {
    this.metrics = metrics;
    this.server = server;
    this.connector = connector;
    this.guard = guard;
    this.doctor = doctor;
    this.turns = turns;
  }

  /**
   * Binds the socket, then builds the doctor with {@code guard} (told the service's own address, so
   * a diagnosis can never be pointed back at it) and starts serving.
   *
   * @throws IOException when the address cannot be bound
   * @throws RulesException when the rules do not load
   */
  public static DoctorService start(
      ServeSettings settings, XtreamDoctor.Builder builder, TargetGuard guard)
      throws IOException, RulesException {
    return start(settings, builder, guard, ProbeLines.none());
  }

  /** Blocking work (a diagnosis waits on a panel) runs on these; waiting clients hold none. */
  private static QueuedThreadPool threads(ServeSettings settings) {
    QueuedThreadPool threads =
        new QueuedThreadPool(
            Math.max(
                32,
                settings.maxDiagnoses() * 2
                    + settings.maxEvaluations()
                    + PanelTurns.waitersInAll(settings)
                    + 16),
            4,
            60_000);
    threads.setName("serve");
    threads.setDaemon(true);
    return threads;
  }

  /**
   * The listening connector: address, header and idle limits, connections per client and in all.
   */
  private static ServerConnector connector(
      Server server, ServeSettings settings, ConnectionGuard connections) {
    ServeSettings.Connections limits = settings.connections();
    HttpConfiguration http = new HttpConfiguration();
    http.setRequestHeaderSize(limits.maxRequestHeaderBytes());
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(literalHost(settings.host()));
    connector.setPort(settings.port());
    connector.setIdleTimeout(limits.idleTimeoutMs());
    connector.setAcceptQueueSize(256);
    connector.addEventListener(connections);
    server.addConnector(connector);
    server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
    return connector;
  }

  /**
   * As {@link #start(ServeSettings, XtreamDoctor.Builder, TargetGuard)}, with the lines {@code GET
   * /probe?line=NAME} may diagnose for Prometheus.
   */
  public static DoctorService start(
      ServeSettings settings, XtreamDoctor.Builder builder, TargetGuard guard, ProbeLines lines)
      throws IOException, RulesException {
    ServeSettings.Connections limits = settings.connections();
    Server server = new Server(threads(settings));
    ConnectionGuard connections =
        new ConnectionGuard(limits.maxConnectionsPerClient(), limits.headerTimeoutMs());
    ServerConnector connector = connector(server, settings, connections);
    ServiceMetrics metrics = new ServiceMetrics();
    server.setErrorHandler(new ProblemErrorHandler(metrics));
    XtreamDoctor doctor;
    try {
      connector.open();
      doctor =
          builder
              .rulesListener(metrics)
              .targetPolicy(
                  guard.excludingSelf(
                      new InetSocketAddress(connector.getHost(), connector.getLocalPort())))
              .build();
    } catch (IOException | RulesException | RuntimeException e) {
      connector.close();
      connections.close();
      throw e;
    }
    PanelTurns turns;
    try {
      turns = PanelTurns.of(settings, doctor.diagnosisTimeout().toMillis(), metrics);
    } catch (RuntimeException e) {
      connector.close();
      connections.close();
      doctor.close();
      throw e;
    }
    // A slot held past these limits is a runaway holding capacity (/health/ready fails): an
    // evaluation stops at the rules' deadline, a diagnosis at doctor.timeout.total-ms and then one.
    long deadline = doctor.ruleLimits().deadline().toNanos();
    Slots diagnosisSlots =
        new Slots(
            settings.maxDiagnoses(),
            doctor.diagnosisTimeout().toNanos() + 2 * deadline + 5_000_000_000L);
    Slots evaluationSlots = new Slots(settings.maxEvaluations(), 2 * deadline + 1_000_000_000L);
    metrics.watch(doctor::rules, diagnosisSlots, evaluationSlots);
    ClientGate gate =
        new ClientGate(
            new BearerTokens(settings.tokens()),
            new RateLimiter(settings.ratePerSecond(), settings.rateBurst()),
            limits.maxRequestHeaders(),
            metrics);
    gate.setHandler(
        ContainerFactory.createContainer(
            JettyHttpContainer.class,
            application(doctor, settings, turns, lines, metrics, diagnosisSlots, evaluationSlots)));
    server.setHandler(gate);
    DoctorService service =
        new DoctorService(server, connector, connections, doctor, turns, metrics);
    try {
      server.start();
    } catch (Exception e) {
      service.close();
      throw new IOException("the server did not start: " + e.getMessage(), e);
    }
    LOG.log(Level.INFO, "serving on {0}", service.uri());
    return service;
  }

  /** The JAX-RS application: the resources and the error mapping, nothing discovered. */
  private static ResourceConfig application(
      XtreamDoctor doctor,
      ServeSettings settings,
      PanelTurns turns,
      ProbeLines lines,
      ServiceMetrics metrics,
      Slots diagnosisSlots,
      Slots evaluationSlots) {
    ApiResource api =
        new ApiResource(doctor, settings, turns, diagnosisSlots, evaluationSlots, metrics);
    ProbeResource probe =
        new ProbeResource(doctor, turns, lines, settings.politeness().verdictCacheMs(), metrics);
    PublicResource pub = new PublicResource(doctor, settings);
    HealthResource health = new HealthResource(doctor, diagnosisSlots, evaluationSlots);
    MetricsResource scrape = new MetricsResource(metrics);
    return new ResourceConfig()
        // classes bound to ready instances: registering the instances themselves makes Jersey
        // warn that they are not providers (eclipse-ee4j/jersey#3700)
        .register(
            new AbstractBinder() {
              @Override
              protected void configure() {
                bind(api).to(ApiResource.class);
                bind(pub).to(PublicResource.class);
                bind(probe).to(ProbeResource.class);
                bind(health).to(HealthResource.class);
                bind(scrape).to(MetricsResource.class);
              }
            })
        .register(ApiResource.class)
        .register(PublicResource.class)
        .register(ProbeResource.class)
        .register(HealthResource.class)
        .register(MetricsResource.class)
        .register(new ProblemMapper(metrics))
        .register(new ContentLength())
        .property(ServerProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
        .property(ServerProperties.METAINF_SERVICES_LOOKUP_DISABLE, true)
        .property(ServerProperties.WADL_FEATURE_DISABLE, true)
        .property(ServerProperties.BV_FEATURE_DISABLE, true)
        .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
  }

  /**
   * The host to bind must be a literal or {@code localhost}: binding never triggers a lookup of a
   * name.
   */
  private static String literalHost(String host) {
    if (host.equals("localhost")) {
      return "127.0.0.1";
    }
    if (!host.matches("[0-9A-Fa-f:.]+")) {
      throw new IllegalArgumentException(
          "doctor.serve.host must be an IP address, e.g. 127.0.0.1 or 0.0.0.0");
    }
    return host;
  }

  public int port() {
    return connector.getLocalPort();
  }

  /** The base URI, e.g. {@code http://127.0.0.1:8765}. */
  public URI uri() {
    String host = connector.getHost();
    if (host == null || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      host = "127.0.0.1";
    }
    return URI.create(
        "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port());
  }

  public XtreamDoctor doctor() {
    return doctor;
  }

  /** The service's metrics, as {@code GET /metrics} shows them. */
  String metricsText() {
    return new String(metrics.text(), java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Connections closed so far because their client had its share, or their head came too late. */
  long connectionsCut() {
    return guard.refused() + guard.timedOut();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "the server did not stop cleanly: {0}", e.toString());
    }
    guard.close();
    turns.close();
    doctor.close();
  }
}
