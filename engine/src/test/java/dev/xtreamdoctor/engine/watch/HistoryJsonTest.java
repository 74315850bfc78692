package dev.xtreamdoctor.engine.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.engine.facts.CauseRun;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.HourSummary;
import dev.xtreamdoctor.engine.facts.WatchSpan;
import dev.xtreamdoctor.engine.watch.CheckRecord.Account;
import dev.xtreamdoctor.engine.watch.CheckRecord.Phases;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HistoryJsonTest {
  private static final CheckRecord CHECK =
      new CheckRecord(
          OffsetDateTime.parse("2026-03-02T19:05:00+01:00"),
          "CONNECTION_TIMEOUT",
          "HTTP_NO_ANSWER",
          "http",
          "The server accepted the connection but never answered",
          new Phases(4, 5, 1, -1, 10002, 10040),
          Optional.of(new Account("Active", 1772485200L, 1, 2, false)));

  private static List<CheckRecord> read(String text) throws Exception {
    return HistoryJson.read(
        "h.jsonl", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aLineReadsBackAsTheSameCheckAndLeavesOutPhasesNotReached() throws Exception {
    String line = HistoryJson.line(CHECK);
    assertTrue(!line.contains("tlsMs") && !line.contains("\n"), line);
    assertEquals(List.of(CHECK, CHECK), read(line + "\n\n" + line));
  }

  @Test
  void aBadLineIsNamedWithItsNumber() {
    String good = HistoryJson.line(CHECK);
    assertEquals(
        "h.jsonl:2: not valid JSON at line 1, column 2",
        assertThrows(HistoryJson.HistoryException.class, () -> read(good + "\n{x\n"))
            .getMessage()
            .replaceAll(" \\(.*", ""));
    assertTrue(
        assertThrows(
                HistoryJson.HistoryException.class,
                () -> read(good.replace("\"time\"", "\"when\"")))
            .getMessage()
            .startsWith("h.jsonl:1: unknown key \"when\""));
    assertEquals(
        "h.jsonl:1: \"loginMs\" must be 0 or more",
        assertThrows(HistoryJson.HistoryException.class, () -> read(good.replace("10002", "-5")))
            .getMessage());
    assertTrue(
        assertThrows(HistoryJson.HistoryException.class, () -> read("x".repeat(20_000)))
            .getMessage()
            .contains("longer than"));
  }

  @Test
  void theFactsCountHoursAndRunsInTimeOrder() {
    CheckRecord ok =
        new CheckRecord(
            OffsetDateTime.parse("2026-03-02T18:55:00+01:00"),
            "NO_FAULT_FOUND",
            "HEALTHY",
            "login",
            "ok",
            new Phases(3, 4, 1, -1, 90, 120),
            Optional.empty());
    // written out of order: the facts go by time
    List<Fact> facts =
        HistoryFacts.of(List.of(CHECK, ok, CHECK.withTime("2026-03-02T19:35:00+01:00")));
    WatchSpan span = (WatchSpan) facts.get(0);
    assertEquals(3, span.checks());
    assertEquals(1, span.working());
    assertEquals("2026-03-02 18:55", span.firstLocal());
    assertEquals(1200, span.medianGapSeconds()); // gaps of 10 and 30 minutes
    HourSummary seven =
        facts.stream()
            .filter(HourSummary.class::isInstance)
            .map(HourSummary.class::cast)
            .filter(h -> h.hour() == 19)
            .findFirst()
            .orElseThrow();
    assertEquals(2, seven.faults());
    assertEquals(10002, seven.medianLoginMs());
    List<CauseRun> runs =
        facts.stream().filter(CauseRun.class::isInstance).map(CauseRun.class::cast).toList();
    assertEquals(2, runs.size());
    assertTrue(runs.get(1).atEnd() && !runs.get(1).atStart());
    assertEquals("HEALTHY", runs.get(1).previousCauseId());
    assertEquals(2, runs.get(1).checks());
  }
}
