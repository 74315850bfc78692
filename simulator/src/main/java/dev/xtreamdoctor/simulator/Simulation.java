package dev.xtreamdoctor.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A running scenario: the panel, the servers around it and the two resolvers, all on loopback.
 * Start one by name ({@link Scenarios}), from a config file ({@link ScenarioConfig}) or from a
 * {@link ScenarioSpec}; {@link #describe()} gives the lines a person needs to point the doctor at
 * it; {@link #close()} stops everything.
 */
public final class Simulation implements AutoCloseable {
  /** The environment variable the doctor reads its system resolvers from. */
  public static final String SYSTEM_RESOLVERS_ENV = "DOCTOR_DNS_SYSTEM_RESOLVERS";

  /** The environment variable the doctor reads its public resolvers from. */
  public static final String PUBLIC_RESOLVERS_ENV = "DOCTOR_DNS_PUBLIC_RESOLVERS";

  private final ScenarioSpec spec;
  private final List<AutoCloseable> running = new ArrayList<>();
  private PanelServer panel;
  private PanelServer wrongPortServer;
  private PanelServer blockPage;
  private PanelServer redirector;
  private DnsServer systemDns;
  private DnsServer publicDns;
  private int urlPort;

  /** The panel's clock; null: the real one. */
  private java.time.Clock clock;

  private Simulation(ScenarioSpec spec) {
    this.spec = spec;
  }

  /** Starts a scenario from the catalogue; an unknown name fails with the list of known ones. */
  public static Simulation start(String scenarioName) {
    return start(Scenarios.get(scenarioName));
  }

  /** Starts a scenario described in a properties or JSON file. */
  public static Simulation start(Path configFile) {
    return start(ScenarioConfig.load(configFile));
  }

  public static Simulation start(ScenarioSpec spec) {
    return start(spec, null);
  }

  /**
   * Starts a scenario whose panel lives by {@code clock}: its {@code timestamp_now}, the line's
   * expiry and the hours of {@code at-hours} overlays (e.g. a {@link SimClock}, shared with the
   * doctor under test).
   */
  public static Simulation start(ScenarioSpec spec, java.time.Clock clock) {
    Simulation s = new Simulation(spec.check());
    s.clock = clock;
    try {
      s.startAll();
      return s;
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
  }

  private void startAll() {
    PanelSettings settings = spec.settings();
    if (spec.panelTls() != null && settings.equals(PanelSettings.defaults(spec.family()))) {
      settings = settings.withServerProtocol("https"); // an https-only panel says so
    }
    Panel.Builder siteBuilder =
        Panel.builder(spec.family()).account(spec.account()).settings(settings);
    if (clock != null) {
      siteBuilder.clock(clock);
    }
    Panel site = siteBuilder.build();
    java.time.Clock hours = clock != null ? clock : java.time.Clock.systemDefaultZone();
    PanelServer.Builder panelBuilder =
        PanelServer.builder(site)
            .name("panel")
            .bindAddress(spec.panelAddress())
            .port(spec.panelPort())
            .tls(spec.panelTls());
    for (String overlay : spec.overlays()) {
      panelBuilder.overlay(OverlaySpec.parse(overlay, spec.family(), hours));
    }
    panel = track(panelBuilder.start());
    urlPort =
        switch (spec.target()) {
          case PANEL -> panel.port();
          case WRONG_PORT -> {
            wrongPortServer = track(PanelServer.builder(Sites.plainNginx()).name("nginx").start());
            yield wrongPortServer.port();
          }
          case CLOSED_PORT -> closedPort();
          case FILTERED_PORT -> track(Blackhole.open(Loopback.DEFAULT, 0)).port();
        };
    if (!spec.redirect().isEmpty()) {
      // the URL typed leads to the old place, which sends the app on
      PanelServer.Builder old =
          PanelServer.builder(request -> Reply.answer(PanelServer.nginxPage(404, "Not Found")))
              .name("redirector");
      int[] selfPort = new int[1];
      int panelPort = urlPort;
      old.overlay(
          (request, next) ->
              Reply.answer(
                  PanelServer.nginxPage(
                          spec.redirectStatus(), Response.reasonOf(spec.redirectStatus()))
                      .withHeader(
                          "Location",
                          spec.redirectLocation(
                                  panelPort,
                                  panel.isTls() ? "https" : "http",
                                  "http://" + spec.host() + ":" + selfPort[0])
                              + request.target())));
      redirector = track(old.start());
      selfPort[0] = redirector.port();
      urlPort = redirector.port();
    }
    if (spec.needsReusedAddress()) {
      track(
          PanelServer.builder(Sites.plainNginx())
              .name("other-site")
              .bindAddress(ScenarioSpec.REUSED_ADDRESS)
              .port(urlPort)
              .start());
    }
    if (spec.needsBlockPage()) {
      blockPage =
          track(
              PanelServer.builder(Sites.ispBlockPage())
                  .name("block-page")
                  .bindAddress(ScenarioSpec.BLOCK_PAGE_ADDRESS)
                  .port(urlPort)
                  .start());
    }
    systemDns = track(resolver("system", spec.systemDns(), spec.systemDnsPort()));
    publicDns = track(resolver("public", spec.publicDns(), spec.publicDnsPort()));
  }

  private DnsServer resolver(String role, String behaviour, int port) {
    DnsServer.Builder b =
        DnsServer.builder()
            .name(role)
            .port(port)
            .on(spec.host(), ScenarioSpec.dnsBehaviour(behaviour, panel.address()));
    spec.otherNames()
        .forEach((n, other) -> b.on(n, ScenarioSpec.dnsBehaviour(other, panel.address())));
    return b.start();
  }

  /** A loopback port where nothing listens: bound, read, released. */
  private static int closedPort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(Loopback.DEFAULT))) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port", e);
    }
  }

  private <T extends AutoCloseable> T track(T server) {
    running.add(server);
    return server;
  }

  public ScenarioSpec spec() {
    return spec;
  }

  public String name() {
    return spec.name();
  }

  /** The server URL the user types, e.g. {@code http://panel.example.test:41234}. */
  public String serverUrl() {
    return spec.urlScheme() + "://" + spec.host() + ":" + urlPort;
  }

  /** The same place by address, for tools that cannot use the simulator's resolvers. */
  public String directUrl() {
    String a = panel.address();
    return spec.urlScheme() + "://" + (a.contains(":") ? "[" + a + "]" : a) + ":" + urlPort;
  }

  public String host() {
    return spec.host();
  }

  public int urlPort() {
    return urlPort;
  }

  public String username() {
    return spec.typedUsername();
  }

  /** The (simulated) password to type. Print it only where the person must type it. */
  public String password() {
    return spec.typedPassword();
  }

  /** {@code 127.0.0.1:PORT} of the resolver playing the user's system (ISP) resolver. */
  public String systemResolvers() {
    return systemDns.hostPort();
  }

  /** {@code 127.0.0.1:PORT} of the resolver playing a public resolver. */
  public String publicResolvers() {
    return publicDns.hostPort();
  }

  /** The settings to give the doctor, e.g. {@code DOCTOR_DNS_SYSTEM_RESOLVERS=127.0.0.1:5353}. */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put(SYSTEM_RESOLVERS_ENV, systemResolvers());
    env.put(PUBLIC_RESOLVERS_ENV, publicResolvers());
    return env;
  }

  /** The panel (always running, even when the URL leads elsewhere). */
  public PanelServer panel() {
    return panel;
  }

  /** The plain nginx the URL leads to in the wrong-port scenario. */
  public Optional<PanelServer> wrongPortServer() {
    return Optional.ofNullable(wrongPortServer);
  }

  /** The server the URL leads to when the scenario has the panel moved (a redirect). */
  public Optional<PanelServer> redirector() {
    return Optional.ofNullable(redirector);
  }

  /** The ISP block page on 127.0.0.66, when a resolver is hijacked. */
  public Optional<PanelServer> blockPage() {
    return Optional.ofNullable(blockPage);
  }

  public DnsServer systemDns() {
    return systemDns;
  }

  public DnsServer publicDns() {
    return publicDns;
  }

  /** Every HTTP request any server of this simulation saw, oldest first. */
  public List<RecordedRequest> requests() {
    List<RecordedRequest> all = new ArrayList<>();
    for (AutoCloseable c : running) {
      if (c instanceof PanelServer s) {
        all.addAll(s.requests());
      }
    }
    all.sort(java.util.Comparator.comparing(RecordedRequest::time));
    return all;
  }

  /** Every DNS question either resolver received, oldest first. */
  public List<DnsQuery> dnsQueries() {
    List<DnsQuery> all = new ArrayList<>(systemDns.queries());
    all.addAll(publicDns.queries());
    all.sort(java.util.Comparator.comparing(DnsQuery::time));
    return all;
  }

  /**
   * The lines a person needs to point the doctor at this simulation. They include the simulated
   * password, which exists only here.
   */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Scenario:   "
            + spec.name()
            + (spec.description().isEmpty() ? "" : " - " + spec.description()));
    lines.add("Server URL: " + serverUrl());
    lines.add("Username:   " + display(username()));
    lines.add("Password:   " + display(password()));
    environment().forEach((k, v) -> lines.add(k + "=" + v));
    lines.add(
        "The name "
            + spec.host()
            + " resolves only through these resolvers; the panel listens on "
            + panel.hostPort()
            + (panel.isTls() ? " (https)" : "")
            + ".");
    return lines;
  }

  private static String display(String credential) {
    if (credential.isEmpty()) {
      return "(leave empty)";
    }
    return credential.equals(credential.strip())
        ? credential
        : "\"" + credential + "\" (type it with the spaces inside the quotes)";
  }

  @Override
  public void close() {
    for (int i = running.size() - 1; i >= 0; i--) {
      try {
        running.get(i).close();
      } catch (Exception e) {
        // keep closing the rest
      }
    }
    running.clear();
  }
}
