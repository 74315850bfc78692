package dev.xtreamdoctor.engine.facts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The closed vocabularies of findings, in one place: the categories, layers and severities a rule
 * may name. The engine, the renderers, lint ({@code rules check}) and the command line all read
 * them from here; {@code rules/FACTS.md} documents each value (a test keeps the two in step), and a
 * rule or catalogue naming any other value is an error with a did-you-mean. Outcome codes are the
 * same kind of list, in {@link Outcome}. The vocabularies support staff extend without Java (what
 * apps show, page signals) live in {@code rules/}, not here.
 */
public final class Vocabulary {
  private Vocabulary() {}

  public static final String INVALID_DETAILS = "INVALID_DETAILS";
  public static final String LOGIN_FAILED = "LOGIN_FAILED";
  public static final String AUTHORIZATION_FAILED = "AUTHORIZATION_FAILED";
  public static final String CONNECTION_TIMEOUT = "CONNECTION_TIMEOUT";
  public static final String HOST_NOT_FOUND = "HOST_NOT_FOUND";
  public static final String NO_FAULT_FOUND = "NO_FAULT_FOUND";
  public static final String INCONCLUSIVE = "INCONCLUSIVE";

  /**
   * The categories: the guide's five chapters in its order, then {@code NO_FAULT_FOUND} (the login
   * was seen to work) and {@code INCONCLUSIVE} (the check could not complete). The order matters:
   * when two errors of different categories sit on the same layer, the category that comes first
   * here decides (then the cause id, alphabetically), never the order the rule files load in.
   */
  public static final List<String> CATEGORIES =
      List.of(
          INVALID_DETAILS,
          LOGIN_FAILED,
          AUTHORIZATION_FAILED,
          CONNECTION_TIMEOUT,
          HOST_NOT_FOUND,
          NO_FAULT_FOUND,
          INCONCLUSIVE);

  /** The five fault categories, the guide's chapters, in its order. */
  public static final List<String> FAULT_CATEGORIES = CATEGORIES.subList(0, 5);

  public static final String ERROR = "error";
  public static final String WARNING = "warning";
  public static final String INFO = "info";
  public static final String UNCHECKED = "unchecked";

  /** The severities, most serious first: findings are listed in this order. */
  public static final List<String> SEVERITIES = List.of(ERROR, WARNING, INFO, UNCHECKED);

  /**
   * The layers, in the order a login crosses them, each with the label reports show. The error on
   * the earliest layer decides the diagnosis (00-ranking.drl).
   */
  public static final Map<String, String> LAYER_LABELS = layerLabels();

  /** The layer names, in login order. */
  public static final List<String> LAYERS = List.copyOf(LAYER_LABELS.keySet());

  private static Map<String, String> layerLabels() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("input", "Input");
    m.put("dns", "DNS");
    m.put("tcp", "TCP");
    m.put("tls", "TLS");
    m.put("http", "HTTP");
    m.put("login", "Login");
    m.put("account", "Account");
    m.put("symptoms", "Symptoms");
    return java.util.Collections.unmodifiableMap(m);
  }

  public static final String XUI_PADDED_404 = "xui_padded_404";
  public static final String CLOUDFLARE_ERROR_PAGE = "cloudflare_error_page";
  public static final String USER_INFO = "user_info";
  public static final String BOM = "bom";
  public static final String TEXT_BEFORE_JSON = "text_before_json";
  public static final String TEXT_AFTER_JSON = "text_after_json";
  public static final String TLS_RECORD = "tls_record";
  public static final String SSH_BANNER = "ssh_banner";

  /**
   * The signals of an {@code HttpResponse} that the probe finds by more than words: XUI's fake
   * nginx 404 (the padding, counted), a Cloudflare error (status and headers), a JSON answer with a
   * user_info object and what surrounds it, bytes that are no HTTP at all. Every other signal is
   * named in the rule set's {@code page-signals.txt}.
   */
  public static final List<String> PROBE_SIGNALS =
      List.of(
          XUI_PADDED_404,
          CLOUDFLARE_ERROR_PAGE,
          USER_INFO,
          BOM,
          TEXT_BEFORE_JSON,
          TEXT_AFTER_JSON,
          TLS_RECORD,
          SSH_BANNER);

  /**
   * Whether finding {@code a} decides before {@code b}: the earlier layer, then on one layer the
   * category listed first in {@link #CATEGORIES}, then the cause id in alphabetical order. The
   * ranking rules (00-ranking.drl) follow this order, so the outcome never depends on which rule
   * file loads first.
   */
  public static boolean decidesBefore(Finding a, Finding b) {
    int byLayer = Integer.compare(rank(LAYERS, a.layer()), rank(LAYERS, b.layer()));
    if (byLayer != 0) {
      return byLayer < 0;
    }
    int byCategory =
        Integer.compare(rank(CATEGORIES, a.category()), rank(CATEGORIES, b.category()));
    if (byCategory != 0) {
      return byCategory < 0;
    }
    return a.causeId().compareTo(b.causeId()) < 0;
  }

  /** A value's place in its list; an unknown value sorts last. */
  public static int rank(List<String> vocabulary, String value) {
    int i = vocabulary.indexOf(value);
    return i < 0 ? vocabulary.size() : i;
  }
}
