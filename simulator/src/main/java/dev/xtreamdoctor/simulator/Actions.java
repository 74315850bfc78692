package dev.xtreamdoctor.simulator;

import java.util.Map;
import java.util.Optional;

/**
 * Minimal answers to the player_api actions, shaped as the real ones (reference §1.1, §1.4).
 * Unknown actions have no answer: the panel then returns the login object.
 */
final class Actions {
  private static final String CATEGORY =
      "[{\"category_id\":\"1\",\"category_name\":\"News\",\"parent_id\":0}]";
  private static final String LIVE_STREAMS =
      "[{\"num\":1,\"name\":\"Sim News\",\"stream_type\":\"live\",\"stream_id\":1,"
          + "\"stream_icon\":\"http:\\/\\/panel.example.test\\/logos\\/simnews.png\","
          + "\"epg_channel_id\":\"simnews.example\",\"added\":\"1700000000\","
          + "\"category_id\":\"1\",\"custom_sid\":\"\",\"tv_archive\":0,\"direct_source\":\"\","
          + "\"tv_archive_duration\":0}]";
  private static final String VOD_STREAMS =
      "[{\"num\":1,\"name\":\"Sim Movie\",\"stream_type\":\"movie\",\"stream_id\":2,"
          + "\"stream_icon\":\"\",\"rating\":\"\",\"added\":\"1700000000\","
          + "\"category_id\":\"1\",\"container_extension\":\"mp4\",\"custom_sid\":\"\","
          + "\"direct_source\":\"\"}]";
  private static final String SERIES =
      "[{\"num\":1,\"name\":\"Sim Series\",\"series_id\":3,\"cover\":\"\",\"plot\":\"\","
          + "\"category_id\":\"1\"}]";
  private static final String EPG = "{\"epg_listings\":[]}";

  private static final Map<String, String> ANSWERS =
      Map.ofEntries(
          Map.entry("get_live_categories", CATEGORY),
          Map.entry("get_vod_categories", CATEGORY),
          Map.entry("get_series_categories", CATEGORY),
          Map.entry("get_live_streams", LIVE_STREAMS),
          Map.entry("get_vod_streams", VOD_STREAMS),
          Map.entry("get_series", SERIES),
          Map.entry(
              "get_series_info",
              "{\"seasons\":[],\"info\":{\"name\":\"Sim Series\"}," + "\"episodes\":{}}"),
          Map.entry("get_vod_info", "{\"info\":[]}"),
          Map.entry("get_short_epg", EPG),
          Map.entry("get_simple_data_table", EPG));

  /** XUI's numeric aliases for the actions. */
  private static final Map<String, String> XUI_ALIASES =
      Map.ofEntries(
          Map.entry("200", "get_vod_categories"),
          Map.entry("201", "get_live_categories"),
          Map.entry("202", "get_live_streams"),
          Map.entry("203", "get_vod_streams"),
          Map.entry("204", "get_series_info"),
          Map.entry("205", "get_short_epg"),
          Map.entry("206", "get_series_categories"),
          Map.entry("207", "get_simple_data_table"),
          Map.entry("208", "get_series"),
          Map.entry("209", "get_vod_info"),
          Map.entry("0", "get_epg"));

  private Actions() {}

  static Optional<String> answer(PanelFamily family, String action) {
    String name = action;
    if (family == PanelFamily.XUI) {
      name = XUI_ALIASES.getOrDefault(action, action);
      if (name.equals("get_epg")) {
        return Optional.of("[]");
      }
    }
    return Optional.ofNullable(ANSWERS.get(name));
  }
}
