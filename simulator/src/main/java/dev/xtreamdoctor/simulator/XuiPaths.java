package dev.xtreamdoctor.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * XUI's nginx rewrites of the path forms {@code /player_api/U/P[/action]}, {@code
 * /playlist/U/P[/type]} and {@code /epg/U/P} to the php endpoints.
 */
final class XuiPaths {
  private XuiPaths() {}

  static Request rewrite(PanelFamily family, Request r) {
    if (family != PanelFamily.XUI) {
      return r;
    }
    String[] parts = r.path().split("/");
    if (parts.length < 4) {
      return r;
    }
    String endpoint =
        switch (parts[1]) {
          case "player_api" -> "/player_api.php";
          case "playlist" -> "/get.php";
          case "epg" -> "/xmltv.php";
          default -> null;
        };
    if (endpoint == null) {
      return r;
    }
    Map<String, String> params = new LinkedHashMap<>(r.params());
    params.put("username", parts[2]);
    params.put("password", parts[3]);
    if (parts.length > 4) {
      params.put(parts[1].equals("playlist") ? "type" : "action", parts[4]);
    }
    return new Request(r.method(), r.target(), endpoint, params, r.headers(), r.source(), r.time());
  }
}
