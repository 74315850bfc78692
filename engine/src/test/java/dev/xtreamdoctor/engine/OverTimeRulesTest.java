package dev.xtreamdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.engine.watch.CheckRecord;
import dev.xtreamdoctor.engine.watch.CheckRecord.Account;
import dev.xtreamdoctor.engine.watch.CheckRecord.Phases;
import dev.xtreamdoctor.engine.watch.HistoryFacts;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules over a watch's history (80-over-time.drl), from histories built here. */
class OverTimeRulesTest {
  private static final OffsetDateTime START =
      OffsetDateTime.of(2026, 3, 2, 14, 0, 0, 0, ZoneOffset.ofHours(1));

  /** A check at {@code START} plus {@code minutes}. */
  static CheckRecord check(int minutes, String category, String cause, long loginMs) {
    String layer =
        switch (category) {
          case "CONNECTION_TIMEOUT" -> "http";
          case "HOST_NOT_FOUND" -> "dns";
          case "AUTHORIZATION_FAILED" -> "account";
          case "LOGIN_FAILED" -> "tcp";
          case "INVALID_DETAILS" -> "login";
          default -> "login";
        };
    boolean answered = !category.equals("CONNECTION_TIMEOUT") && !category.equals("HOST_NOT_FOUND");
    return new CheckRecord(
        START.plusMinutes(minutes),
        category,
        cause,
        layer,
        "title of " + cause,
        new Phases(3, 4, category.equals("HOST_NOT_FOUND") ? -1 : 12, -1, loginMs, loginMs + 40),
        answered
            ? Optional.of(
                new Account(
                    cause.equals("EXPIRED") ? "Expired" : "Active", 1772485200L, 0, 1, false))
            : Optional.empty());
  }

  static CheckRecord ok(int minutes, long loginMs) {
    return check(minutes, "NO_FAULT_FOUND", "HEALTHY", loginMs);
  }

  static Diagnosis evaluate(List<CheckRecord> history) {
    return SharedRules.ENGINE.evaluate(HistoryFacts.of(history));
  }

  @Test
  void timeoutsInTheEveningAndNotInTheDayAreOverloadAtPeakHours() {
    List<CheckRecord> h = new ArrayList<>();
    for (int m = 0; m < 8 * 60; m += 30) { // 14:00 to 21:30
      boolean evening = START.plusMinutes(m).getHour() >= 19;
      h.add(evening ? check(m, "CONNECTION_TIMEOUT", "HTTP_NO_ANSWER", 10_000) : ok(m, 150));
    }
    Diagnosis d = evaluate(h);
    assertEquals("CONNECTION_TIMEOUT", d.category(), d.summary());
    assertEquals("PEAK_HOUR_OVERLOAD", d.causeIds().get(0));
    Diagnosis.FindingView f = d.findings().get(0);
    assertTrue(f.title().contains("19:00–21:59"), f.title());
    assertTrue(f.impact().contains("14:00–17:59"), f.impact()); // 18:00 is peak, and it worked then
    assertTrue(
        f.evidence().get(0).startsWith("6 of 8 checks in the peak hours got no answer in time"),
        f.evidence().toString());
    assertTrue(
        f.evidence().stream()
            .anyMatch(
                e ->
                    e.startsWith(
                        "Peak 19:00–19:59: 2 of 2 checks ended CONNECTION_TIMEOUT, 0 worked; login median 10000 ms")),
        f.evidence().toString());
    assertTrue(f.fixes().get(1).contains("VPN"), f.fixes().toString());
  }

  @Test
  void timeoutsAtEveryHourAreNoPeakPattern() {
    List<CheckRecord> h = new ArrayList<>();
    for (int m = 0; m < 10 * 60; m += 30) {
      h.add(m % 120 == 0 ? check(m, "CONNECTION_TIMEOUT", "HTTP_NO_ANSWER", 10_000) : ok(m, 150));
    }
    Diagnosis d = evaluate(h);
    assertEquals("TIMEOUTS_NOW_AND_THEN", d.causeIds().get(0), d.summary());
  }

  @Test
  void slowOnlyAtPeakIsAWarning() {
    List<CheckRecord> h = new ArrayList<>();
    for (int m = 0; m < 8 * 60; m += 30) {
      h.add(ok(m, START.plusMinutes(m).getHour() >= 19 ? 4500 : 200));
    }
    Diagnosis d = evaluate(h);
    assertEquals("NO_FAULT_FOUND", d.category());
    assertEquals("SLOW_AT_PEAK_HOURS", d.causeIds().get(0), d.summary());
  }

  @Test
  void hostNotFoundBetweenWorkingChecksIsIntermittentDns() {
    List<CheckRecord> h = new ArrayList<>();
    for (int m = 0; m < 12; m++) {
      h.add(
          m == 3 || m == 4 || m == 8
              ? check(m * 5, "HOST_NOT_FOUND", "SYSTEM_DNS_FAILED", -1)
              : ok(m * 5, 100));
    }
    Diagnosis d = evaluate(h);
    assertEquals("HOST_NOT_FOUND", d.category());
    assertEquals("INTERMITTENT_DNS_FAILURES", d.causeIds().get(0));
    assertTrue(d.findings().get(0).title().contains("3 of 12"), d.findings().get(0).title());
  }

  @Test
  void aBanThatBeganIsDatedByItsFirstCheck() {
    List<CheckRecord> h = new ArrayList<>();
    for (int m = 0; m < 10; m++) {
      h.add(m >= 6 ? check(m * 5, "LOGIN_FAILED", "FLOOD_BAN", 5000) : ok(m * 5, 100));
    }
    Diagnosis d = evaluate(h);
    assertEquals("IP_BAN_BEGAN", d.causeIds().get(0), d.summary());
    assertTrue(
        d.findings().get(0).title().endsWith("since 2026-03-02 14:30"),
        d.findings().get(0).title());
  }

  @Test
  void anExpiryDuringTheWatchSaysWhen() {
    List<CheckRecord> h = new ArrayList<>();
    for (int m = 0; m < 6; m++) {
      h.add(m >= 4 ? check(m * 10, "AUTHORIZATION_FAILED", "EXPIRED", 100) : ok(m * 10, 100));
    }
    Diagnosis d = evaluate(h);
    assertEquals("AUTHORIZATION_FAILED", d.category());
    assertEquals("EXPIRED_DURING_WATCH", d.causeIds().get(0));
    assertTrue(d.findings().get(0).title().contains("14:40"), d.findings().get(0).title());
    assertTrue(
        String.join("\n", d.evidence()).contains("2 March 2026, 21:00 UTC"),
        d.evidence().toString());
  }

  @Test
  void otherFaultsBeginningOrSteadyOrComingAndGoing() {
    List<CheckRecord> began = new ArrayList<>();
    List<CheckRecord> steady = new ArrayList<>();
    List<CheckRecord> cameAndWent = new ArrayList<>();
    for (int m = 0; m < 6; m++) {
      began.add(m >= 3 ? check(m, "INVALID_DETAILS", "CREDENTIALS_REJECTED", 80) : ok(m, 80));
      steady.add(check(m, "INVALID_DETAILS", "CREDENTIALS_REJECTED", 80));
      cameAndWent.add(m == 2 ? check(m, "LOGIN_FAILED", "HTTP_BLOCKED", 80) : ok(m, 80));
    }
    assertEquals("FAULT_BEGAN_DURING_WATCH", evaluate(began).causeIds().get(0));
    assertEquals("INVALID_DETAILS", evaluate(began).category());
    assertEquals("SAME_FAULT_THROUGHOUT", evaluate(steady).causeIds().get(0));
    Diagnosis d = evaluate(cameAndWent);
    assertEquals("LOGIN_FAILED", d.category());
    assertEquals("FAULT_CAME_AND_WENT", d.causeIds().get(0));
  }

  @Test
  void everyCheckWorkingIsHealthyOverTheWatch() {
    List<CheckRecord> h = new ArrayList<>();
    for (int m = 0; m < 6; m++) {
      h.add(ok(m * 10, 90));
    }
    Diagnosis d = evaluate(h);
    assertEquals("NO_FAULT_FOUND", d.category());
    assertEquals("HEALTHY", d.causeIds().get(0));
    assertTrue(
        d.evidence().get(0).startsWith("6 of 6 checks from 2026-03-02 14:00"),
        d.evidence().toString());
  }
}
