package dev.xtreamdoctor.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything needed to start one simulated situation: the panel and its line, what the user types,
 * the faults in front, where the URL really points, and how each resolver answers.
 *
 * @param name a short name, e.g. {@code isp-dns-hijack}
 * @param description one sentence for people
 * @param family the panel software
 * @param host the host name in the URL (resolved only by the simulator's resolvers)
 * @param account the line on the panel
 * @param typedUsername the username the user types (may differ from the account's)
 * @param typedPassword the password the user types
 * @param settings the panel's server_info values and switches
 * @param panelTls the panel's certificate when it speaks https, else null
 * @param urlScheme the scheme the user types, {@code http} or {@code https}
 * @param target where the URL's port leads
 * @param overlays overlay specs in front of the panel, outermost first (see {@link OverlaySpec})
 * @param systemDns how the system resolver answers for {@code host}: {@code answer} (the panel's
 *     address), {@code hijack} (the block page on 127.0.0.66), {@code reused} (an old address,
 *     127.0.0.67, where another site's plain nginx now listens on the URL's port), or a {@link
 *     DnsBehaviour#parse} spec
 * @param publicDns the same for the public resolver
 * @param panelPort a fixed panel port, or 0 for a free one
 * @param systemDnsPort a fixed system resolver port, or 0
 * @param publicDnsPort a fixed public resolver port, or 0
 * @param redirect empty, or {@code STATUS LOCATION}: the URL leads to a server that answers every
 *     request with that redirect, the request's path and query appended to LOCATION, in which
 *     {@code {panelPort}} is the panel's port, {@code {panelScheme}} its scheme and {@code {self}}
 *     the redirecting server's own base URL (a loop)
 * @param otherNames more names both resolvers know, each with its behaviour (e.g. the host a
 *     redirect leads to)
 * @param panelAddress the loopback address the panel listens on ({@code 127.0.0.1}, or {@code ::1}
 *     for an IPv6 panel)
 */
public record ScenarioSpec(
    String name,
    String description,
    PanelFamily family,
    String host,
    Account account,
    String typedUsername,
    String typedPassword,
    PanelSettings settings,
    TlsIdentity panelTls,
    String urlScheme,
    Target target,
    List<String> overlays,
    String systemDns,
    String publicDns,
    int panelPort,
    int systemDnsPort,
    int publicDnsPort,
    String redirect,
    Map<String, String> otherNames,
    String panelAddress) {

  /** Where the port in the URL leads. */
  public enum Target {
    /** The panel itself. */
    PANEL,
    /** A plain nginx on another port of the same host (the wrong port). */
    WRONG_PORT,
    /** A port where nothing listens (connection refused). */
    CLOSED_PORT,
    /** A port where packets are dropped (connect times out): a firewall or an ISP block. */
    FILTERED_PORT;

    static Target parse(String word) {
      return switch (word.trim().toLowerCase(Locale.ROOT)) {
        case "panel" -> PANEL;
        case "wrong-port", "nginx" -> WRONG_PORT;
        case "closed-port", "closed" -> CLOSED_PORT;
        default ->
            throw new IllegalArgumentException(
                "unknown url target '" + word + "' (use panel, wrong-port or closed-port)");
      };
    }
  }

  public static final String DEFAULT_HOST = "panel.example.test";
  public static final String BLOCK_PAGE_ADDRESS = "127.0.0.66";

  /** Where an out-of-date DNS answer leads: an address another site now uses. */
  public static final String REUSED_ADDRESS = "127.0.0.67";

  public ScenarioSpec {
    overlays = List.copyOf(overlays);
    redirect = redirect == null ? "" : redirect.trim();
    otherNames = Collections.unmodifiableMap(new LinkedHashMap<>(otherNames));
    panelAddress =
        panelAddress == null || panelAddress.isBlank() ? Loopback.DEFAULT : panelAddress.trim();
  }

  public static Builder builder(String name, PanelFamily family) {
    return new Builder(name, family);
  }

  /** A builder starting from this spec, to vary it. */
  public Builder toBuilder() {
    Builder b = new Builder(name, family);
    b.description = description;
    b.host = host;
    b.account = account;
    b.typedUsername = typedUsername;
    b.typedPassword = typedPassword;
    b.settings = settings;
    b.panelTls = panelTls;
    b.urlScheme = urlScheme;
    b.target = target;
    b.overlays.addAll(overlays);
    b.systemDns = systemDns;
    b.publicDns = publicDns;
    b.panelPort = panelPort;
    b.systemDnsPort = systemDnsPort;
    b.publicDnsPort = publicDnsPort;
    b.redirect = redirect;
    b.otherNames.putAll(otherNames);
    b.panelAddress = panelAddress;
    return b;
  }

  /** Fails with one clear line on a spec that cannot start; returns it otherwise. */
  ScenarioSpec check() {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a scenario needs a name");
    }
    if (!urlScheme.equals("http") && !urlScheme.equals("https")) {
      throw new IllegalArgumentException(
          "url scheme must be http or https, not '" + urlScheme + "'");
    }
    if (!host.matches("[A-Za-z0-9.-]+")) {
      throw new IllegalArgumentException("not a host name: '" + host + "'");
    }
    for (String o : overlays) {
      OverlaySpec.parse(o, family);
    }
    dnsBehaviour(systemDns, "127.0.0.1");
    dnsBehaviour(publicDns, "127.0.0.1");
    otherNames.forEach(
        (n, b) -> {
          if (!n.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalArgumentException("not a host name: '" + n + "'");
          }
          dnsBehaviour(b, "127.0.0.1");
        });
    Loopback.address(panelAddress);
    if (!redirect.isEmpty()) {
      redirectStatus();
      redirectLocation(0, "http", "http://127.0.0.1:1");
    }
    for (int port : new int[] {panelPort, systemDnsPort, publicDnsPort}) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("not a port: " + port);
      }
    }
    return this;
  }

  /** The status of the redirect, e.g. 301. */
  int redirectStatus() {
    String[] w = redirect.split("\\s+", 2);
    try {
      int status = Integer.parseInt(w[0]);
      if (w.length < 2 || status < 300 || status > 399) {
        throw new NumberFormatException();
      }
      return status;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "redirect must be 'STATUS LOCATION' (e.g. 301 http://new.example.test:{panelPort}), not '"
              + redirect
              + "'");
    }
  }

  /** Where the redirect leads, the placeholders filled in. */
  String redirectLocation(int panelPort, String panelScheme, String self) {
    return redirect
        .split("\\s+", 2)[1]
        .replace("{panelPort}", Integer.toString(panelPort))
        .replace("{panelScheme}", panelScheme)
        .replace("{self}", self);
  }

  /** Whether a resolver answers with the block page address, so a block page must run. */
  boolean needsBlockPage() {
    return systemDns.trim().equals("hijack") || publicDns.trim().equals("hijack");
  }

  /** Whether a resolver answers with the reused address, so another site must run there. */
  boolean needsReusedAddress() {
    return systemDns.trim().equals("reused") || publicDns.trim().equals("reused");
  }

  /** The behaviour for a resolver spec, with the panel's address filled in. */
  static DnsBehaviour dnsBehaviour(String spec, String panelAddress) {
    // "panel" in an address list stands for the panel's own address
    String s = spec.trim().replaceAll("(?<=[\\s,])panel(?=$|[\\s,])", panelAddress);
    if (s.equals("answer")) {
      return DnsBehaviour.answer(panelAddress);
    }
    if (s.equals("hijack")) {
      return DnsBehaviour.hijack(BLOCK_PAGE_ADDRESS);
    }
    if (s.equals("reused")) {
      return DnsBehaviour.answer(REUSED_ADDRESS);
    }
    return DnsBehaviour.parse(s);
  }

  /** How to build a spec; defaults: an active line typed correctly, plain http, healthy DNS. */
  public static final class Builder {
    private String name;
    private PanelFamily family;
    private String description = "";
    private String host = DEFAULT_HOST;
    private Account account = Account.active(Scenarios.USERNAME, Scenarios.PASSWORD);
    private String typedUsername;
    private String typedPassword;
    private PanelSettings settings;
    private TlsIdentity panelTls;
    private String urlScheme;
    private Target target = Target.PANEL;
    private final List<String> overlays = new ArrayList<>();
    private String systemDns = "answer";
    private String publicDns = "answer";
    private int panelPort;
    private int systemDnsPort;
    private int publicDnsPort;
    private String redirect = "";
    private final Map<String, String> otherNames = new LinkedHashMap<>();
    private String panelAddress = Loopback.DEFAULT;

    private Builder(String name, PanelFamily family) {
      this.name = name;
      this.family = family;
      this.settings = PanelSettings.defaults(family);
    }

    /**
     * The same setup on the other panel family; settings still at the old family's defaults become
     * the new family's defaults.
     */
    public Builder family(PanelFamily newFamily) {
      if (settings.equals(PanelSettings.defaults(family))) {
        settings = PanelSettings.defaults(newFamily);
      }
      this.family = newFamily;
      return this;
    }

    /** The same setup under another name. */
    public Builder renamed(String newName) {
      this.name = newName;
      return this;
    }

    public Builder description(String text) {
      this.description = text;
      return this;
    }

    public Builder host(String hostName) {
      this.host = hostName;
      return this;
    }

    /** The line on the panel; the user types its credentials unless {@link #typed} says else. */
    public Builder account(Account line) {
      this.account = line;
      return this;
    }

    /** What the user types, when it differs from the account. */
    public Builder typed(String username, String password) {
      this.typedUsername = username;
      this.typedPassword = password;
      return this;
    }

    public Builder settings(PanelSettings panelSettings) {
      this.settings = panelSettings;
      return this;
    }

    /** The panel speaks https with this certificate (the typed scheme follows unless set). */
    public Builder tls(TlsIdentity identity) {
      this.panelTls = identity;
      return this;
    }

    public Builder urlScheme(String scheme) {
      this.urlScheme = scheme;
      return this;
    }

    public Builder target(Target where) {
      this.target = where;
      return this;
    }

    public Builder overlay(String spec) {
      overlays.add(spec);
      return this;
    }

    /** Drops the overlays added so far. */
    public Builder clearOverlays() {
      overlays.clear();
      return this;
    }

    public Builder systemDns(String spec) {
      this.systemDns = spec;
      return this;
    }

    public Builder publicDns(String spec) {
      this.publicDns = spec;
      return this;
    }

    /** Fixed ports (0 = a free one), for a setup a person can keep pointing at. */
    public Builder ports(int panel, int systemResolver, int publicResolver) {
      this.panelPort = panel;
      this.systemDnsPort = systemResolver;
      this.publicDnsPort = publicResolver;
      return this;
    }

    public Builder panelPort(int port) {
      this.panelPort = port;
      return this;
    }

    public Builder systemDnsPort(int port) {
      this.systemDnsPort = port;
      return this;
    }

    public Builder publicDnsPort(int port) {
      this.publicDnsPort = port;
      return this;
    }

    /**
     * The URL leads to a server that redirects every request: {@code STATUS LOCATION}, see {@link
     * ScenarioSpec#redirect()}.
     */
    public Builder redirect(String statusAndLocation) {
      this.redirect = statusAndLocation;
      return this;
    }

    /**
     * One more name both resolvers know, with its behaviour ({@code answer panel}, {@code
     * nxdomain}...).
     */
    public Builder name(String host, String behaviour) {
      this.otherNames.put(host.toLowerCase(Locale.ROOT), behaviour);
      return this;
    }

    /** The loopback address the panel listens on, e.g. {@code ::1}. */
    public Builder panelAddress(String address) {
      this.panelAddress = address;
      return this;
    }

    public ScenarioSpec build() {
      return new ScenarioSpec(
              name,
              description,
              family,
              host,
              account,
              typedUsername != null ? typedUsername : account.username(),
              typedPassword != null ? typedPassword : account.password(),
              settings,
              panelTls,
              urlScheme != null ? urlScheme : panelTls != null ? "https" : "http",
              target,
              overlays,
              systemDns,
              publicDns,
              panelPort,
              systemDnsPort,
              publicDnsPort,
              redirect,
              otherNames,
              panelAddress)
          .check();
    }
  }

  /** Never print the passwords. */
  @Override
  public String toString() {
    return "ScenarioSpec["
        + name
        + ", "
        + family
        + ", "
        + account
        + ", overlays="
        + overlays
        + ", dns.system="
        + systemDns
        + ", dns.public="
        + publicDns
        + (redirect.isEmpty() ? "" : ", redirect=" + redirect)
        + (otherNames.isEmpty() ? "" : ", names=" + otherNames)
        + "]";
  }
}
