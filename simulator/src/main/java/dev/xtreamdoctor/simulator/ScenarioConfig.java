package dev.xtreamdoctor.simulator;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Reads a scenario that support staff describe themselves, as a properties file or as JSON with the
 * same keys (nested objects are flattened with dots: {@code {"dns":{"system":"nxdomain"}}}).
 *
 * <pre>
 * name = my-case
 * description = XUI panel, expired line, ISP resolver hijacked
 * base = healthy-xui            # optional: start from a catalogue scenario
 * family = xui                  # xc2 | xui
 * host = panel.example.test
 * username = alice
 * password = secret
 * status = Active               # Active | Expired | Banned | Disabled
 * exp_date = past               # null | "" | 0 | unix seconds | past | future
 * is_trial = 0
 * active_cons = 1
 * max_connections = 1
 * typed.username = alice        # what the user types, if different
 * typed.password = Secret
 * message = Welcome
 * timezone = Europe/London
 * odd_types = false
 * legacy_get = false
 * legacy_xmltv = false
 * tls = none                    # none | self-signed | expired | wrong-name
 * url.scheme = http
 * url.target = panel            # panel | wrong-port | closed-port | filtered-port
 * overlays = ua-filter 454 allow VLC; slow 2000; at-hours 18-23 hang
 * dns.system = hijack           # answer | hijack [ADDR] | answer ADDR | nxdomain | servfail | refused | silence | nodata
 * dns.public = answer
 * dns.names = new-panel.example.test=answer panel; old.example.test=cname new-panel.example.test
 * redirect = 301 http://new-panel.example.test:{panelPort}   # the URL leads to a redirect
 * address.panel = 127.0.0.1     # or ::1 for an IPv6 panel
 * port.panel = 0
 * port.dns.system = 0
 * port.dns.public = 0
 * </pre>
 */
public final class ScenarioConfig {
  /** Shared: every {@code Json.create...} call looks the JSON provider up again (~50 µs). */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final Set<String> KEYS =
      Set.of(
          "name",
          "description",
          "base",
          "family",
          "host",
          "username",
          "password",
          "status",
          "exp_date",
          "is_trial",
          "active_cons",
          "max_connections",
          "typed.username",
          "typed.password",
          "message",
          "timezone",
          "odd_types",
          "legacy_get",
          "legacy_xmltv",
          "tls",
          "url.scheme",
          "url.target",
          "overlays",
          "dns.system",
          "dns.public",
          "dns.names",
          "redirect",
          "address.panel",
          "port.panel",
          "port.dns.system",
          "port.dns.public");

  private ScenarioConfig() {}

  /** Loads a file; any problem becomes one IllegalArgumentException line naming the file. */
  public static ScenarioSpec load(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read scenario file " + file + ": " + e.getMessage(), e);
    }
    try {
      boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
      return fromMap(json ? jsonValues(text) : propertyValues(text));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /** Builds a spec from flat keys, as in a properties file. */
  public static ScenarioSpec fromMap(Map<String, String> values) {
    for (String key : values.keySet()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("unknown key '" + key + "'");
      }
    }
    ScenarioSpec base =
        values.containsKey("base") ? Scenarios.get(values.get("base").trim()) : null;
    String name = values.getOrDefault("name", base != null ? base.name() : "custom").trim();
    PanelFamily family =
        values.containsKey("family")
            ? PanelFamily.parse(values.get("family"))
            : base != null ? base.family() : PanelFamily.XC2;
    ScenarioSpec.Builder b =
        base != null && base.family() == family
            ? base.toBuilder()
            : ScenarioSpec.builder(name, family);
    b.renamed(name);
    PanelSettings settings =
        base != null && base.family() == family ? base.settings() : PanelSettings.defaults(family);
    Account account =
        base != null ? base.account() : Account.active(Scenarios.USERNAME, Scenarios.PASSWORD);

    String v;
    if ((v = values.get("description")) != null) {
      b.description(v);
    }
    if ((v = values.get("host")) != null) {
      b.host(v.trim());
    }
    if ((v = values.get("username")) != null) {
      account = account.withCredentials(v, account.password());
    }
    if ((v = values.get("password")) != null) {
      account = account.withCredentials(account.username(), v);
    }
    if ((v = values.get("status")) != null) {
      account = account.withStatus(LineStatus.parse(v));
    }
    if ((v = values.get("exp_date")) != null) {
      account = account.withExpDate(expDate(v));
    }
    if ((v = values.get("is_trial")) != null) {
      account = account.withTrial(bool("is_trial", v));
    }
    int active = account.activeCons();
    int max = account.maxConnections();
    if ((v = values.get("active_cons")) != null) {
      active = integer("active_cons", v);
    }
    if ((v = values.get("max_connections")) != null) {
      max = integer("max_connections", v);
    }
    account = account.withConnections(active, max);
    b.account(account);
    String typedUser =
        values.getOrDefault(
            "typed.username",
            base != null && !values.containsKey("username")
                ? base.typedUsername()
                : account.username());
    String typedPass =
        values.getOrDefault(
            "typed.password",
            base != null && !values.containsKey("password")
                ? base.typedPassword()
                : account.password());
    b.typed(typedUser, typedPass);

    if ((v = values.get("message")) != null) {
      settings = settings.withMessage(v);
    }
    if ((v = values.get("timezone")) != null) {
      settings = settings.withTimezone(v.trim());
    }
    if ((v = values.get("odd_types")) != null) {
      settings = settings.withOddTypes(bool("odd_types", v));
    }
    boolean legacyGet =
        values.containsKey("legacy_get")
            ? bool("legacy_get", values.get("legacy_get"))
            : settings.legacyGet();
    boolean legacyXmltv =
        values.containsKey("legacy_xmltv")
            ? bool("legacy_xmltv", values.get("legacy_xmltv"))
            : settings.legacyXmltv();
    b.settings(settings.withLegacyEndpoints(legacyGet, legacyXmltv));
    if ((v = values.get("tls")) != null) {
      b.tls(tls(v));
    }
    if ((v = values.get("url.scheme")) != null) {
      b.urlScheme(v.trim().toLowerCase(Locale.ROOT));
    }
    if ((v = values.get("url.target")) != null) {
      b.target(ScenarioSpec.Target.parse(v));
    }
    if ((v = values.get("overlays")) != null) {
      b.clearOverlays();
      for (String o : OverlaySpec.split(v)) {
        b.overlay(o);
      }
    }
    if ((v = values.get("dns.system")) != null) {
      b.systemDns(v);
    }
    if ((v = values.get("dns.public")) != null) {
      b.publicDns(v);
    }
    if ((v = values.get("dns.names")) != null) {
      for (String entry : OverlaySpec.split(v)) {
        int eq = entry.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("dns.names takes NAME=BEHAVIOUR; ..., not '" + entry + "'");
        }
        b.name(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
      }
    }
    if ((v = values.get("redirect")) != null && !v.isBlank()) {
      b.redirect(v.trim());
    }
    if ((v = values.get("address.panel")) != null && !v.isBlank()) {
      b.panelAddress(v.trim());
    }
    if ((v = values.get("port.panel")) != null) {
      b.panelPort(integer("port.panel", v));
    }
    if ((v = values.get("port.dns.system")) != null) {
      b.systemDnsPort(integer("port.dns.system", v));
    }
    if ((v = values.get("port.dns.public")) != null) {
      b.publicDnsPort(integer("port.dns.public", v));
    }
    return b.build();
  }

  private static Map<String, String> propertyValues(String text) {
    Properties p = new Properties();
    try (Reader r = new StringReader(text)) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a properties file: " + e.getMessage(), e);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String key : p.stringPropertyNames()) {
      out.put(key.trim(), stripComment(p.getProperty(key)));
    }
    return out;
  }

  /** Allows "value # comment" as in the documented example. */
  private static String stripComment(String value) {
    int hash = value.indexOf(" #");
    return (hash >= 0 ? value.substring(0, hash) : value).trim();
  }

  private static Map<String, String> jsonValues(String text) {
    JsonObject root;
    try {
      root = JSON.createReader(new StringReader(text)).readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
    }
    Map<String, String> out = new LinkedHashMap<>();
    flatten("", root, out);
    return out;
  }

  private static void flatten(String prefix, JsonObject object, Map<String, String> out) {
    for (Map.Entry<String, JsonValue> e : object.entrySet()) {
      String key = prefix + e.getKey();
      JsonValue value = e.getValue();
      switch (value.getValueType()) {
        case OBJECT -> flatten(key + ".", value.asJsonObject(), out);
        case STRING -> out.put(key, ((JsonString) value).getString());
        case NULL -> out.put(key, "null");
        case ARRAY -> {
          StringBuilder joined = new StringBuilder();
          for (JsonValue item : value.asJsonArray()) {
            if (joined.length() > 0) {
              joined.append("; ");
            }
            joined.append(item instanceof JsonString s ? s.getString() : item.toString());
          }
          out.put(key, joined.toString());
        }
        default -> out.put(key, value.toString());
      }
    }
  }

  private static String expDate(String v) {
    String t = v.trim();
    return switch (t.toLowerCase(Locale.ROOT)) {
      case "null", "never" -> null;
      case "\"\"", "empty" -> "";
      case "past", "expired" ->
          Long.toString(Instant.now().minus(Duration.ofDays(30)).getEpochSecond());
      case "future" -> Long.toString(Instant.now().plus(Duration.ofDays(365)).getEpochSecond());
      default -> t;
    };
  }

  private static TlsIdentity tls(String v) {
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "none", "off", "no", "false" -> null;
      case "self-signed", "yes", "on", "true" -> TlsIdentity.SELF_SIGNED;
      case "expired" -> TlsIdentity.EXPIRED;
      case "wrong-name" -> TlsIdentity.WRONG_NAME;
      default ->
          throw new IllegalArgumentException(
              "tls must be none, self-signed, expired or wrong-name, not '" + v + "'");
    };
  }

  private static boolean bool(String key, String v) {
    return switch (v.trim().toLowerCase(Locale.ROOT)) {
      case "1", "true", "yes" -> true;
      case "0", "false", "no" -> false;
      default ->
          throw new IllegalArgumentException(key + " must be true or false, not '" + v + "'");
    };
  }

  private static int integer(String key, String v) {
    try {
      return Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, not '" + v + "'", e);
    }
  }
}
