package dev.xtreamdoctor.simulator;

/** Which panel software is simulated: it decides every failure answer. */
public enum PanelFamily {
  /** Xtream Codes 2.x and its clone Xtream UI R22: JSON for everything, auth 0 on bad logins. */
  XC2,
  /** XUI.one 1.5.x and XC_VM: every refusal is a padded fake-nginx 404 page. */
  XUI;

  /** Parses {@code xc2}, {@code xtream-ui}, {@code xui}, {@code xui.one}. */
  public static PanelFamily parse(String word) {
    String w = word.trim().toLowerCase(java.util.Locale.ROOT);
    return switch (w) {
      case "xc2", "xtream-codes", "xtream-ui", "xtreamui", "xc" -> XC2;
      case "xui", "xui.one", "xuione", "xc_vm", "xcvm" -> XUI;
      default ->
          throw new IllegalArgumentException(
              "unknown panel family '" + word + "' (use xc2 or xui)");
    };
  }
}
