package dev.xtreamdoctor.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A simulated Xtream panel of one family: {@code player_api.php} (with actions), {@code get.php}
 * and {@code xmltv.php}, answering field for field as the real panels do (reference §1.2–1.5,
 * §2.1–2.2).
 */
public final class Panel implements Handler {
  private static final DateTimeFormatter TIME_NOW =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final PanelFamily family;
  private final List<Account> accounts;
  private final PanelSettings settings;
  private final Clock clock;

  private Panel(PanelFamily family, List<Account> accounts, PanelSettings settings, Clock clock) {
    this.family = family;
    this.accounts = List.copyOf(accounts);
    this.settings = settings;
    this.clock = clock;
  }

  /** An XC2 / Xtream UI panel with default settings. */
  public static Panel xc2(Account... lines) {
    return builder(PanelFamily.XC2).accounts(List.of(lines)).build();
  }

  /** An XUI.one panel with default settings (legacy get.php / xmltv.php disabled). */
  public static Panel xui(Account... lines) {
    return builder(PanelFamily.XUI).accounts(List.of(lines)).build();
  }

  public static Builder builder(PanelFamily family) {
    return new Builder(family);
  }

  public PanelFamily family() {
    return family;
  }

  public List<Account> accounts() {
    return accounts;
  }

  public PanelSettings settings() {
    return settings;
  }

  List<String> passwords() {
    return accounts.stream().map(Account::password).toList();
  }

  @Override
  public Reply handle(Request request) {
    if (family == PanelFamily.XUI
        && !request.method().equals("GET")
        && !request.method().equals("POST")) {
      // XUI's nginx: "if ($request_method !~ ^(GET|POST)$) { return 200; }"
      return Reply.answer(
          Response.of(200, "application/octet-stream", new byte[0]).withHeader("Server", "nginx"));
    }
    Request r = XuiPaths.rewrite(family, request);
    return Reply.answer(
        switch (r.path()) {
          case "/player_api.php" -> playerApi(r);
          case "/get.php" -> playlist(r);
          case "/xmltv.php" -> epg(r);
          default ->
              StreamPath.parse(r.path())
                  .map(this::stream)
                  .orElseGet(() -> PanelServer.nginxPage(404, "Not Found"));
        });
  }

  // ---- streams: /live/U/P/1.ts and the other path forms (reference §1.6, §2.2)

  private Response stream(StreamPath path) {
    Optional<Account> found = find(path.username(), path.password());
    boolean active =
        found.isPresent() && found.get().effectiveStatus(clock.instant()) == LineStatus.ACTIVE;
    if (active || (found.isPresent() && family == PanelFamily.XUI)) {
      // XUI plays its "expired" / "banned" loop video with a 200 (show_expired_video=1)
      return Response.of(200, "video/mp2t", StreamPath.nullTransportStream())
          .withHeader("Server", "nginx");
    }
    if (family == PanelFamily.XUI) {
      return xuiRefusal();
    }
    return Response.empty(found.isPresent() ? 403 : 401).withHeader("Server", "nginx");
  }

  // ---- player_api.php

  private Response playerApi(Request r) {
    return family == PanelFamily.XC2 ? xc2PlayerApi(r) : xuiPlayerApi(r);
  }

  private Response xc2PlayerApi(Request r) {
    String username = r.param("username").orElse("");
    String password = r.param("password").orElse("");
    if (username.isEmpty() || password.isEmpty()) {
      return xc2Json(r, ""); // Content-Type is sent before the credentials are looked at
    }
    Optional<Account> found = find(username, password);
    if (found.isEmpty()) {
      return xc2Json(r, "{\"user_info\":{\"auth\":0}}");
    }
    Account line = found.get();
    if (line.effectiveStatus(clock.instant()) != LineStatus.ACTIVE) {
      return xc2Json(r, loginObject(line, r)); // the action is ignored for inactive lines
    }
    return xc2Json(r, actionOrLogin(line, r));
  }

  private Response xuiPlayerApi(Request r) {
    Optional<Account> line = activeLine(r);
    if (line.isEmpty()) {
      return xuiRefusal();
    }
    return Response.of(200, "application/json", actionOrLogin(line.get(), r))
        .withHeader("Server", "nginx")
        .withHeader("Access-Control-Allow-Origin", r.header("origin").orElse(""))
        .withHeader("Access-Control-Allow-Credentials", "true");
  }

  private String actionOrLogin(Account line, Request r) {
    String action = r.param("action").orElse("");
    return Actions.answer(family, action).orElseGet(() -> loginObject(line, r));
  }

  private Response xc2Json(Request r, String body) {
    return Response.of(200, "application/json", body)
        .withHeader("Server", "nginx")
        .withHeader("Access-Control-Allow-Origin", r.header("origin").orElse(""))
        .withHeader("Access-Control-Allow-Credentials", "true");
  }

  /** The XUI answer to every refusal: 404 with the padded fake nginx page. */
  static Response xuiRefusal() {
    return Response.of(404, "text/html", Pages.xuiFake404()).withHeader("Server", "nginx");
  }

  /** The login object, keys in the family's order, numbers typed as the panel types them. */
  String loginObject(Account line, Request r) {
    Instant now = clock.instant();
    boolean odd = settings.oddTypes();
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("username", line.username());
    user.put("password", line.password());
    user.put("message", settings.message());
    user.put("auth", 1);
    user.put("status", line.effectiveStatus(now).text());
    user.put("exp_date", odd ? numberIfNumeric(line.expDate()) : line.expDate());
    user.put("is_trial", typed(line.trial() ? 1 : 0, odd));
    user.put("active_cons", typed(line.activeCons(), odd));
    user.put("created_at", typed(line.createdAt(), odd));
    user.put("max_connections", typed(line.maxConnections(), odd));
    user.put("allowed_output_formats", line.allowedOutputFormats());

    ZoneId zone = ZoneId.of(settings.timezone());
    String host = settings.url() != null ? settings.url() : hostOf(r);
    String port = settings.port() != null ? settings.port() : portOf(r);
    Map<String, Object> server = new LinkedHashMap<>();
    if (family == PanelFamily.XUI) {
      server.put("xui", true);
      server.put("version", settings.xuiVersion());
      server.put("revision", settings.xuiRevision());
    }
    server.put("url", host);
    server.put("port", odd ? numberIfNumeric(port) : port);
    server.put("https_port", odd ? "" : settings.httpsPort());
    server.put("server_protocol", settings.serverProtocol());
    server.put("rtmp_port", odd ? numberIfNumeric(settings.rtmpPort()) : settings.rtmpPort());
    if (family == PanelFamily.XC2) {
      server.put("timezone", settings.timezone());
    }
    server.put("timestamp_now", now.getEpochSecond());
    server.put("time_now", TIME_NOW.format(now.atZone(zone)));
    if (family == PanelFamily.XUI) {
      server.put("timezone", settings.timezone());
    } else if (settings.process() != null) {
      server.put("process", settings.process());
    }
    Map<String, Object> login = new LinkedHashMap<>();
    login.put("user_info", user);
    login.put("server_info", server);
    return PhpJson.encode(login);
  }

  // ---- get.php and xmltv.php

  private Response playlist(Request r) {
    if (family == PanelFamily.XUI && !settings.legacyGet()) {
      return xuiRefusal(); // LEGACY_GET_DISABLED, even for good credentials
    }
    Optional<Account> line = activeLine(r);
    if (line.isEmpty()) {
      return family == PanelFamily.XC2
          ? Response.empty(404).withHeader("Server", "nginx")
          : xuiRefusal();
    }
    String username = line.get().username();
    String type = r.param("type").orElse("m3u_plus");
    String output = r.param("output").orElse("ts");
    String ext = output.equals("m3u8") || output.equals("hls") ? "m3u8" : "ts";
    String base = "http://" + hostOf(r) + ":" + portOf(r);
    String streamUrl = base + "/" + username + "/" + line.get().password() + "/1." + ext;
    String entry =
        type.equals("m3u")
            ? "#EXTINF:-1,Sim News"
            : "#EXTINF:-1 tvg-id=\"simnews.example\" tvg-name=\"Sim News\" tvg-logo=\""
                + base
                + "/logos/simnews.png\" group-title=\"News\",Sim News";
    String body = "#EXTM3U\r\n" + entry + "\r\n" + streamUrl + "\r\n";
    String file = "tv_channels_" + username + (type.equals("m3u_plus") ? "_plus" : "") + ".m3u";
    Response ok =
        Response.of(200, "application/octet-stream", body)
            .withHeader("Server", "nginx")
            .withHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
    return family == PanelFamily.XUI ? ok.withHeader("Access-Control-Allow-Origin", "*") : ok;
  }

  private Response epg(Request r) {
    if (family == PanelFamily.XUI && !settings.legacyXmltv()) {
      return xuiRefusal(); // LEGACY_EPG_DISABLED
    }
    Optional<Account> line = activeLine(r);
    if (line.isEmpty()) {
      return family == PanelFamily.XC2
          ? Response.empty(401).withHeader("Server", "nginx")
          : xuiRefusal();
    }
    String body =
        "<?xml version=\"1.0\" encoding=\"utf-8\" ?><!DOCTYPE tv SYSTEM \"xmltv.dtd\">"
            + "<tv generator-info-name=\"Xtream Codes\"><channel id=\"simnews.example\">"
            + "<display-name>Sim News</display-name></channel></tv>";
    Response ok = Response.of(200, "application/xml", body).withHeader("Server", "nginx");
    return family == PanelFamily.XUI ? ok.withHeader("Access-Control-Allow-Origin", "*") : ok;
  }

  // ---- helpers

  private Optional<Account> activeLine(Request r) {
    String username = r.param("username").orElse("");
    String password = r.param("password").orElse("");
    if (username.isEmpty() || password.isEmpty()) {
      return Optional.empty();
    }
    return find(username, password)
        .filter(a -> a.effectiveStatus(clock.instant()) == LineStatus.ACTIVE);
  }

  private Optional<Account> find(String username, String password) {
    return accounts.stream()
        .filter(a -> a.username().equals(username) && a.password().equals(password))
        .findFirst();
  }

  private static Object typed(long n, boolean asNumber) {
    return asNumber ? (Object) n : Long.toString(n);
  }

  private static Object numberIfNumeric(String s) {
    if (s == null || s.isEmpty()) {
      return s;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return s;
    }
  }

  private static String hostOf(Request r) {
    String host = r.header("host").orElse("");
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end > 0 ? host.substring(1, end) : host;
    }
    int colon = host.lastIndexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }

  private static String portOf(Request r) {
    String host = r.header("host").orElse("");
    int colon = host.lastIndexOf(':');
    if (colon < 0 || host.endsWith("]")) {
      return "80";
    }
    return host.substring(colon + 1);
  }

  /** How to build a panel. */
  public static final class Builder {
    private final PanelFamily family;
    private final List<Account> accounts = new ArrayList<>();
    private PanelSettings settings;
    private Clock clock = Clock.systemUTC();

    private Builder(PanelFamily family) {
      this.family = family;
      this.settings = PanelSettings.defaults(family);
    }

    public Builder account(Account line) {
      accounts.add(line);
      return this;
    }

    public Builder accounts(List<Account> lines) {
      accounts.addAll(lines);
      return this;
    }

    public Builder settings(PanelSettings panelSettings) {
      this.settings = panelSettings;
      return this;
    }

    /** The panel's clock: timestamp_now, time_now and expiry are computed from it. */
    public Builder clock(Clock panelClock) {
      this.clock = panelClock;
      return this;
    }

    public Panel build() {
      return new Panel(family, accounts, settings, clock);
    }
  }
}
