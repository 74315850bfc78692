package dev.xtreamdoctor.engine.facts;

import java.util.List;

/**
 * What the user reported. Yes/no answers are {@code yes}, {@code no}, or empty when not asked.
 *
 * @param appMessage what the app showed, as a code the rules' catalogue lists ({@code app.CODE}:
 *     {@code invalid_details}, {@code login_failed} ... in the bundled rules; support staff add
 *     more), or empty
 * @param device the device, e.g. {@code firestick}, {@code android_tv}, {@code smart_tv}
 * @param worksOnMobileData the same login works on mobile data
 * @param worksOnVpn the same login works through a VPN
 * @param worksOnOtherDevice the same login works on another device
 * @param failsAtPeakHours it fails mostly in the evening or during live events
 * @param vantage where the doctor ran: {@code user_network} or {@code remote}
 */
public record ReportedSymptoms(
    String appMessage,
    String device,
    String worksOnMobileData,
    String worksOnVpn,
    String worksOnOtherDevice,
    String failsAtPeakHours,
    String vantage)
    implements Fact {

  /** The answers a yes/no field may take (empty when not asked). */
  public static final List<String> ANSWERS = List.of("yes", "no");

  /** The values {@code vantage} may take. */
  public static final List<String> VANTAGES = List.of("user_network", "remote");
}
