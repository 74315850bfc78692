package dev.xtreamdoctor.features;

/**
 * How one scenario went.
 *
 * @param feature where the scenario is: {@code classpath:features/faq.feature} for a bundled one,
 *     else the file's path
 * @param line the scenario's line in that file
 * @param name the scenario's name
 * @param passed whether every step passed
 * @param failedStep the first step that did not pass, with its line ("" when passed)
 * @param problem what went wrong, in plain words: expected vs got, or an unknown step ("" when passed)
 */
public record ScenarioResult(
    String feature, int line, String name, boolean passed, String failedStep, String problem) {}
