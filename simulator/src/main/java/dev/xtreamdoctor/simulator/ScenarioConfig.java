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
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;

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

  /** What each key does to the line. */
  private static final Map<String, BiFunction<Account, String, Account>> ACCOUNT_KEYS =
      table(
          Map.entry("username", (a, v) -> a.withCredentials(v, a.password())),
          Map.entry("password", (a, v) -> a.withCredentials(a.username(), v)),
          Map.entry("status", (a, v) -> a.withStatus(LineStatus.parse(v))),
          Map.entry("exp_date", (a, v) -> a.withExpDate(expDate(v))),
          Map.entry("is_trial", (a, v) -> a.withTrial(bool("is_trial", v))),
          Map.entry(
              "active_cons",
              (a, v) -> a.withConnections(integer("active_cons", v), a.maxConnections())),
          Map.entry(
              "max_connections",
              (a, v) -> a.withConnections(a.activeCons(), integer("max_connections", v))));

  /** What each key does to the panel's settings. */
  private static final Map<String, BiFunction<PanelSettings, String, PanelSettings>> SETTINGS_KEYS =
      table(
          Map.entry("message", (s, v) -> s.withMessage(v)),
          Map.entry("timezone", (s, v) -> s.withTimezone(v.trim())),
          Map.entry("odd_types", (s, v) -> s.withOddTypes(bool("odd_types", v))),
          Map.entry(
              "legacy_get",
              (s, v) -> s.withLegacyEndpoints(bool("legacy_get", v), s.legacyXmltv())),
          Map.entry(
              "legacy_xmltv",
              (s, v) -> s.withLegacyEndpoints(s.legacyGet(), bool("legacy_xmltv", v))));

  /** What each key does to the rest of the scenario: its network, TLS, URL and overlays. */
  private static final Map<String, BiConsumer<ScenarioSpec.Builder, String>> SCENARIO_KEYS =
      table(
          Map.entry("description", (b, v) -> b.description(v)),
          Map.entry("host", (b, v) -> b.host(v.trim())),
          Map.entry("tls", (b, v) -> b.tls(tls(v))),
          Map.entry("url.scheme", (b, v) -> b.urlScheme(v.trim().toLowerCase(Locale.ROOT))),
          Map.entry("url.target", (b, v) -> b.target(ScenarioSpec.Target.parse(v))),
          Map.entry("overlays", ScenarioConfig::overlays),
          Map.entry("dns.system", (b, v) -> b.systemDns(v)),
          Map.entry("dns.public", (b, v) -> b.publicDns(v)),
          Map.entry("dns.names", ScenarioConfig::dnsNames),
          Map.entry("redirect", (b, v) -> ifGiven(v, b::redirect)),
          Map.entry("address.panel", (b, v) -> ifGiven(v, b::panelAddress)),
          Map.entry("port.panel", (b, v) -> b.panelPort(integer("port.panel", v))),
          Map.entry("port.dns.system", (b, v) -> b.systemDnsPort(integer("port.dns.system", v))),
          Map.entry("port.dns.public", (b, v) -> b.publicDnsPort(integer("port.dns.public", v))));

  /** Every key a scenario file may hold: the ones above, and those that pick the starting point. */
  private static final Set<String> KEYS = keys();

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

    for (Map.Entry<String, BiFunction<Account, String, Account>> key : ACCOUNT_KEYS.entrySet()) {
      String v = values.get(key.getKey());
      if (v != null) {
        account = key.getValue().apply(account, v);
      }
    }
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
    for (Map.Entry<String, BiFunction<PanelSettings, String, PanelSettings>> key :
        SETTINGS_KEYS.entrySet()) {
      String v = values.get(key.getKey());
      if (v != null) {
        settings = key.getValue().apply(settings, v);
      }
    }
    b.settings(settings);
    for (Map.Entry<String, BiConsumer<ScenarioSpec.Builder, String>> key :
        SCENARIO_KEYS.entrySet()) {
      String v = values.get(key.getKey());
      if (v != null) {
        key.getValue().accept(b, v);
      }
    }
    return b.build();
  }

  @SafeVarargs
  private static <T> Map<String, T> table(Map.Entry<String, T>... entries) {
    Map<String, T> out = new LinkedHashMap<>();
    for (Map.Entry<String, T> e : entries) {
      out.put(e.getKey(), e.getValue());
    }
    return Collections.unmodifiableMap(out);
  }

  private static Set<String> keys() {
    Set<String> keys =
        new HashSet<>(Set.of("name", "base", "family", "typed.username", "typed.password"));
    keys.addAll(ACCOUNT_KEYS.keySet());
    keys.addAll(SETTINGS_KEYS.keySet());
    keys.addAll(SCENARIO_KEYS.keySet());
    return Set.copyOf(keys);
  }

  private static void overlays(ScenarioSpec.Builder b, String v) {
    b.clearOverlays();
    for (String o : OverlaySpec.split(v)) {
      b.overlay(o);
    }
  }

  private static void dnsNames(ScenarioSpec.Builder b, String v) {
    for (String entry : OverlaySpec.split(v)) {
      int eq = entry.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "dns.names takes NAME=BEHAVIOUR; ..., not '" + entry + "'");
      }
      b.name(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
    }
  }

  /** A blank value leaves the default in place. */
  private static void ifGiven(String v, Consumer<String> set) {
    if (!v.isBlank()) {
      set.accept(v.trim());
    }
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
