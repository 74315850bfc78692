package dev.xtreamdoctor.simulator;

/**
 * The panel-wide values that show up in {@code server_info} and the switches that change behaviour.
 *
 * @param message {@code user_info.message} (message of the day)
 * @param url {@code server_info.url}, host only; null = the host the client asked for
 * @param port {@code server_info.port}; null = the port the client connected to
 * @param httpsPort {@code server_info.https_port}
 * @param serverProtocol {@code http} or {@code https}
 * @param rtmpPort {@code server_info.rtmp_port}
 * @param timezone the panel's time zone, e.g. {@code Europe/London}
 * @param process XC2's {@code server_info.process}; null leaves the key out
 * @param xuiVersion XUI's {@code server_info.version}
 * @param xuiRevision XUI's {@code server_info.revision} (null is written as null)
 * @param oddTypes write numbers as JSON ints and https_port as {@code ""}, as some panels do
 * @param legacyGet XUI only: serve get.php (off by default, as shipped)
 * @param legacyXmltv XUI only: serve xmltv.php (off by default, as shipped)
 */
public record PanelSettings(
    String message,
    String url,
    String port,
    String httpsPort,
    String serverProtocol,
    String rtmpPort,
    String timezone,
    Boolean process,
    String xuiVersion,
    Integer xuiRevision,
    boolean oddTypes,
    boolean legacyGet,
    boolean legacyXmltv) {

  /** What a fresh install of the family answers. */
  public static PanelSettings defaults(PanelFamily family) {
    Builder b = new Builder().timezone("Europe/London").serverProtocol("http");
    return family == PanelFamily.XC2
        ? b.message("Welcome to Xtream Codes Reborn")
            .httpsPort("25463")
            .rtmpPort("25462")
            .process(false)
            .legacyEndpoints(true, true)
            .build()
        : b.message("Welcome to XUI.one")
            .httpsPort("443")
            .rtmpPort("8880")
            .xuiVersion("1.5.13", 2)
            .build();
  }

  /** A builder holding these values, to change some of them. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  public PanelSettings withMessage(String text) {
    return toBuilder().message(text).build();
  }

  /** Fixes url/port/https_port/rtmp_port instead of echoing the client's host and port. */
  public PanelSettings withServer(String host, String httpPort, String tlsPort, String rtmp) {
    return toBuilder().url(host).port(httpPort).httpsPort(tlsPort).rtmpPort(rtmp).build();
  }

  public PanelSettings withServerProtocol(String protocol) {
    return toBuilder().serverProtocol(protocol).build();
  }

  public PanelSettings withTimezone(String zone) {
    return toBuilder().timezone(zone).build();
  }

  public PanelSettings withProcess(Boolean value) {
    return toBuilder().process(value).build();
  }

  public PanelSettings withXuiVersion(String version, Integer revision) {
    return toBuilder().xuiVersion(version, revision).build();
  }

  /** Ints instead of strings, {@code "https_port":""}: the types that break strict clients. */
  public PanelSettings withOddTypes(boolean odd) {
    return toBuilder().oddTypes(odd).build();
  }

  public PanelSettings withLegacyEndpoints(boolean get, boolean xmltv) {
    return toBuilder().legacyEndpoints(get, xmltv).build();
  }

  /** The settings one value at a time; what is not set is null or false. */
  public static final class Builder {
    private String message;
    private String url;
    private String port;
    private String httpsPort;
    private String serverProtocol;
    private String rtmpPort;
    private String timezone;
    private Boolean process;
    private String xuiVersion;
    private Integer xuiRevision;
    private boolean oddTypes;
    private boolean legacyGet;
    private boolean legacyXmltv;

    Builder() {}

    private Builder(PanelSettings s) {
      message = s.message;
      url = s.url;
      port = s.port;
      httpsPort = s.httpsPort;
      serverProtocol = s.serverProtocol;
      rtmpPort = s.rtmpPort;
      timezone = s.timezone;
      process = s.process;
      xuiVersion = s.xuiVersion;
      xuiRevision = s.xuiRevision;
      oddTypes = s.oddTypes;
      legacyGet = s.legacyGet;
      legacyXmltv = s.legacyXmltv;
    }

    public Builder message(String value) {
      message = value;
      return this;
    }

    public Builder url(String value) {
      url = value;
      return this;
    }

    public Builder port(String value) {
      port = value;
      return this;
    }

    public Builder httpsPort(String value) {
      httpsPort = value;
      return this;
    }

    public Builder serverProtocol(String value) {
      serverProtocol = value;
      return this;
    }

    public Builder rtmpPort(String value) {
      rtmpPort = value;
      return this;
    }

    public Builder timezone(String value) {
      timezone = value;
      return this;
    }

    public Builder process(Boolean value) {
      process = value;
      return this;
    }

    public Builder xuiVersion(String version, Integer revision) {
      xuiVersion = version;
      xuiRevision = revision;
      return this;
    }

    public Builder oddTypes(boolean value) {
      oddTypes = value;
      return this;
    }

    public Builder legacyEndpoints(boolean get, boolean xmltv) {
      legacyGet = get;
      legacyXmltv = xmltv;
      return this;
    }

    public PanelSettings build() {
      return new PanelSettings(
          message,
          url,
          port,
          httpsPort,
          serverProtocol,
          rtmpPort,
          timezone,
          process,
          xuiVersion,
          xuiRevision,
          oddTypes,
          legacyGet,
          legacyXmltv);
    }
  }
}
