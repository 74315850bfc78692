package dev.xtreamdoctor.engine.facts;

import java.util.List;

/**
 * The server URL as the user typed or pasted it, parsed.
 *
 * @param typed what the user entered, with any credentials in it masked
 * @param outcome {@code input.ok}, {@code input.host_malformed}, {@code input.port_malformed} or
 *     {@code input.not_a_url}
 * @param scheme {@code http} or {@code https} (the default {@code http} when none was given)
 * @param host host name (lower case, IDN as punycode) or IP literal
 * @param port port number (the scheme's default when none was given)
 * @param schemeGiven whether the user typed a scheme
 * @param portGiven whether the user typed a port
 * @param hostKind {@code name}, {@code ipv4}, {@code ipv6} or {@code invalid}
 * @param pastedForm {@code plain} for a base URL, else what was pasted: {@code get_php}, {@code
 *     player_api_php}, {@code panel_api_php}, {@code xmltv_php}, {@code playlist_path}, {@code
 *     stream_url}, {@code portal_c} (a MAG/Stalker portal), {@code play_token}, {@code userinfo}
 * @param baseUrl the server URL to type into the app: scheme, host and port only
 * @param cleanups what had to be cleaned to read it ({@code leading_zeros}, {@code trimmed_spaces},
 *     {@code doubled_scheme}, {@code upper_case}, {@code trailing_slash}, {@code
 *     trailing_punctuation})
 */
public record ServerInput(
    String typed,
    String outcome,
    String scheme,
    String host,
    int port,
    boolean schemeGiven,
    boolean portGiven,
    String hostKind,
    String pastedForm,
    String baseUrl,
    List<String> cleanups)
    implements Fact {
  public ServerInput {
    cleanups = List.copyOf(cleanups);
  }
}
