package dev.xtreamdoctor.engine.facts;

/**
 * The panel's answer to the login the app makes (purpose {@code login}), read tolerantly (numbers
 * as strings or ints).
 *
 * @param outcome {@code panel.login_ok} (auth 1), {@code panel.auth_rejected} (auth 0), {@code
 *     panel.answer_unexpected} (JSON without user_info), {@code panel.answer_malformed} (not valid
 *     JSON)
 * @param auth the {@code auth} value: 1, 0, or -1 when absent
 * @param status the {@code status} text ({@code Active}, {@code Expired}, {@code Banned}, {@code
 *     Disabled}), empty if absent
 * @param expDate {@code exp_date} in unix seconds; 0 means unlimited (null, "" or "0")
 * @param serverTime {@code server_info.timestamp_now} in unix seconds; 0 if absent. Expiry is
 *     judged against this clock, not the device's
 * @param trial {@code is_trial}
 * @param activeConnections {@code active_cons}
 * @param maxConnections {@code max_connections}; 0 means unlimited
 * @param panelFamily {@code xui} (server_info.xui present), {@code xc2}, or {@code unknown}
 * @param serverProtocol {@code server_info.server_protocol}
 * @param serverPort {@code server_info.port}
 * @param httpsPort {@code server_info.https_port}
 */
public record LoginAnswer(
    String outcome,
    int auth,
    String status,
    long expDate,
    long serverTime,
    boolean trial,
    int activeConnections,
    int maxConnections,
    String panelFamily,
    String serverProtocol,
    String serverPort,
    String httpsPort)
    implements Fact {}
