package dev.xtreamdoctor.engine.facts;

/**
 * What this diagnosis sent to the panel: the politeness budget and how it was spent.
 *
 * @param sent HTTP requests sent to the panel, redirect hops included
 * @param budget the most this diagnosis may send
 * @param logins logins sent (a login and the redirects it follows count once)
 * @param distinctUsernames distinct usernames tried (never more than one: no variants are tried)
 * @param stoppedEarly whether probing stopped before the plan was done
 * @param stopReason why: {@code budget}, {@code panel_went_silent}, {@code deadline}, or empty
 */
public record PanelRequests(
    int sent,
    int budget,
    int logins,
    int distinctUsernames,
    boolean stoppedEarly,
    String stopReason)
    implements Fact {}
