package dev.xtreamdoctor.engine.facts;

/**
 * A watch over time, as a whole: how many checks, from when to when, and how they ended. One per
 * history (xtream-doctor watch).
 *
 * @param checks checks in the history
 * @param working checks whose diagnosis was NO_FAULT_FOUND (the login worked)
 * @param faults checks whose diagnosis was a fault category
 * @param inconclusive checks whose diagnosis was INCONCLUSIVE
 * @param firstAt the first check, unix seconds
 * @param lastAt the last check, unix seconds
 * @param firstLocal the first check in the watcher's local time, e.g. {@code 2026-03-02 16:00}
 * @param lastLocal the last check in the watcher's local time
 * @param medianGapSeconds the median time between two checks, seconds
 */
public record WatchSpan(
    int checks,
    int working,
    int faults,
    int inconclusive,
    long firstAt,
    long lastAt,
    String firstLocal,
    String lastLocal,
    long medianGapSeconds)
    implements Fact {}
