package dev.xtreamdoctor.engine.facts;

/**
 * How many checks of a watch made during one hour of the day ended with one diagnosis. One per hour
 * and cause seen.
 *
 * @param hour the hour of the day, 0 to 23 (the watcher's local time)
 * @param label the hour as people write it, e.g. {@code 19:00}
 * @param category the category those checks were diagnosed with
 * @param causeId the deciding cause of those checks
 * @param checks how many checks
 */
public record HourOutcome(int hour, String label, String category, String causeId, int checks)
    implements Fact {}
