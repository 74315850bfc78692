package dev.xtreamdoctor.engine.facts;

/**
 * The checks of a watch made during one hour of the day (in the watcher's local time), whatever the
 * day: how they ended and how long their phases took. One per hour that had checks.
 *
 * @param hour the hour of the day, 0 to 23
 * @param label the hour as people write it, e.g. {@code 19:00}
 * @param checks checks made in this hour
 * @param working checks that ended NO_FAULT_FOUND
 * @param faults checks that ended in a fault category
 * @param inconclusive checks that ended INCONCLUSIVE
 * @param medianConnectMs the median TCP connect time of those checks that connected or tried to
 * @param worstConnectMs the slowest such connect (or the time to giving up)
 * @param medianLoginMs the median time of the login request (to its answer, or to giving up)
 * @param worstLoginMs the slowest login request
 * @param days on how many different days checks were made in this hour
 */
public record HourSummary(
    int hour,
    String label,
    int checks,
    int working,
    int faults,
    int inconclusive,
    long medianConnectMs,
    long worstConnectMs,
    long medianLoginMs,
    long worstLoginMs,
    int days)
    implements Fact {}
