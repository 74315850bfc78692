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
    return family == PanelFamily.XC2
        ? new PanelSettings(
            "Welcome to Xtream Codes Reborn",
            null,
            null,
            "25463",
            "http",
            "25462",
            "Europe/London",
            false,
            null,
            null,
            false,
            true,
            true)
        : new PanelSettings(
            "Welcome to XUI.one",
            null,
            null,
            "443",
            "http",
            "8880",
            "Europe/London",
            null,
            "1.5.13",
            2,
            false,
            false,
            false);
  }

  public PanelSettings withMessage(String text) {
    return new PanelSettings(
        text,
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

  /** Fixes url/port/https_port/rtmp_port instead of echoing the client's host and port. */
  public PanelSettings withServer(String host, String httpPort, String tlsPort, String rtmp) {
    return new PanelSettings(
        message,
        host,
        httpPort,
        tlsPort,
        serverProtocol,
        rtmp,
        timezone,
        process,
        xuiVersion,
        xuiRevision,
        oddTypes,
        legacyGet,
        legacyXmltv);
  }

  public PanelSettings withServerProtocol(String protocol) {
    return new PanelSettings(
        message,
        url,
        port,
        httpsPort,
        protocol,
        rtmpPort,
        timezone,
        process,
        xuiVersion,
        xuiRevision,
        oddTypes,
        legacyGet,
        legacyXmltv);
  }

  public PanelSettings withTimezone(String zone) {
    return new PanelSettings(
        message,
        url,
        port,
        httpsPort,
        serverProtocol,
        rtmpPort,
        zone,
        process,
        xuiVersion,
        xuiRevision,
        oddTypes,
        legacyGet,
        legacyXmltv);
  }

  public PanelSettings withProcess(Boolean value) {
    return new PanelSettings(
        message,
        url,
        port,
        httpsPort,
        serverProtocol,
        rtmpPort,
        timezone,
        value,
        xuiVersion,
        xuiRevision,
        oddTypes,
        legacyGet,
        legacyXmltv);
  }

  public PanelSettings withXuiVersion(String version, Integer revision) {
    return new PanelSettings(
        message,
        url,
        port,
        httpsPort,
        serverProtocol,
        rtmpPort,
        timezone,
        process,
        version,
        revision,
        oddTypes,
        legacyGet,
        legacyXmltv);
  }

  /** Ints instead of strings, {@code "https_port":""}: the types that break strict clients. */
  public PanelSettings withOddTypes(boolean odd) {
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
        odd,
        legacyGet,
        legacyXmltv);
  }

  public PanelSettings withLegacyEndpoints(boolean get, boolean xmltv) {
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
        get,
        xmltv);
  }
}
