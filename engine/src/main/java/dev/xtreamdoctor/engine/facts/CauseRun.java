package dev.xtreamdoctor.engine.facts;

/**
 * A streak in a watch: consecutive checks that ended with the same deciding cause. Every check
 * belongs to exactly one run; the runs are numbered in time order.
 *
 * @param run the run's number, 1 for the first
 * @param category the category of its checks
 * @param causeId their deciding cause
 * @param layer the layer of that cause
 * @param title the cause's title as the checks reported it
 * @param checks how many checks in a row
 * @param firstAt its first check, unix seconds
 * @param lastAt its last check, unix seconds
 * @param firstLocal its first check in the watcher's local time, e.g. {@code 2026-03-02 21:05}
 * @param lastLocal its last check in the watcher's local time
 * @param atStart whether it began with the watch's first check
 * @param atEnd whether it lasted to the watch's last check
 * @param previousCategory the category of the check just before it; empty for the first run
 * @param previousCauseId the cause of the check just before it; empty for the first run
 * @param previousLocal the time of the check just before it; empty for the first run
 * @param status the account status the panel gave in its first check; empty if none
 * @param expDate the account's end date the panel gave in its first check, unix seconds; {@code 0}
 *     for none or unlimited
 */
public record CauseRun(
    int run,
    String category,
    String causeId,
    String layer,
    String title,
    int checks,
    long firstAt,
    long lastAt,
    String firstLocal,
    String lastLocal,
    boolean atStart,
    boolean atEnd,
    String previousCategory,
    String previousCauseId,
    String previousLocal,
    String status,
    long expDate)
    implements Fact {}
