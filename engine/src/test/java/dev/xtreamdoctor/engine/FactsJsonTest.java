package dev.xtreamdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.engine.facts.LoginAnswer;
import java.io.Reader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Facts documents from outside (reference reliability-and-rules.md A9, cases 45-46, and issue 13's
 * list): each bad one is refused with one line that says where, and none costs more than reading
 * what the limits allow.
 */
class FactsJsonTest {
  static String refusal(String json) {
    return assertThrows(FactsJson.FactsException.class, () -> FactsJson.read(json), json)
        .getMessage();
  }

  static void assertRefused(String json, String... expected) {
    String m = refusal(json);
    for (String e : expected) {
      assertTrue(m.contains(e), "\"" + m + "\" should say " + e);
    }
    assertEquals(1, m.lines().count(), m);
  }

  @Test
  void duplicateKeysAreRefusedByPath() {
    assertRefused(
        "{\"facts\":[{\"type\":\"LoginAnswer\",\"auth\":0,\"auth\":1}]}",
        "\"facts[0].auth\" appears twice");
    assertRefused("{\"facts\":[],\"facts\":[]}", "\"facts\" appears twice");
  }

  @Test
  void trailingDataAndSecondDocumentsAreRefused() {
    assertRefused("{\"facts\":[]} x", "more after the JSON document at line 1");
    assertRefused("{\"facts\":[]}{\"facts\":[]}", "more after the JSON document");
    assertRefused("[] []", "more after the JSON document");
    assertRefused("", "empty");
    assertEquals(List.of(), read("{\"facts\":[]}  \n"));
  }

  @Test
  void deepNestingIsRefusedBeforeItCostsAnything() {
    assertRefused("[".repeat(2000) + "]".repeat(2000), "nested more than 32 levels deep");
    assertRefused(
        "{\"facts\":[{\"type\":\"LoginAnswer\",\"status\":" + "[".repeat(100_000),
        "\"facts[0].status",
        "nested");
  }

  @Test
  void longNumbersAndStringsAreRefused() {
    assertRefused(
        "{\"facts\":[{\"type\":\"LoginAnswer\",\"auth\":" + "9".repeat(2_000_000) + "}]}",
        "\"facts[0].auth\" holds a number of 2000000 characters; at most 40");
    assertRefused(
        "{\"facts\":[{\"type\":\"LoginAnswer\",\"status\":\"" + "A".repeat(100_000) + "\"}]}",
        "\"facts[0].status\" holds a string of 100000 characters");
    assertRefused(
        "{\"facts\":[{\"type\":\"LoginAnswer\",\"auth\":1e999999999}]}",
        "\"facts[0].auth\" holds a number out of range");
  }

  @Test
  void nullWhereAValueIsRequiredIsRefused() {
    assertRefused(
        "{\"facts\":[{\"type\":\"LoginAnswer\",\"outcome\":null}]}",
        "fact #1 (LoginAnswer): field \"outcome\" is null");
    assertRefused("{\"facts\":[{\"type\":null}]}", "fact #1 has no \"type\"");
  }

  @Test
  void numbersOutsideWhatTheFieldCanMeanAreRefused() {
    assertRefused(
        "[{\"type\":\"LoginAnswer\",\"auth\":4294967297}]",
        "field \"auth\" must be a whole number from -1 to 2147483647");
    assertRefused(
        "[{\"type\":\"LoginAnswer\",\"auth\":-2}]",
        "field \"auth\" must be a whole number from -1");
    assertRefused(
        "[{\"type\":\"ServerInput\",\"port\":-80}]",
        "field \"port\" must be a whole number from 0 to 65535");
    assertRefused("[{\"type\":\"ServerInput\",\"port\":70000}]", "field \"port\"");
    assertRefused(
        "[{\"type\":\"TcpConnect\",\"millis\":-5}]",
        "field \"millis\" must be a whole number from 0");
    assertRefused(
        "[{\"type\":\"HttpResponse\",\"status\":1000}]",
        "field \"status\" must be a whole number from 0 to 999");
    assertRefused(
        "[{\"type\":\"LoginAnswer\",\"auth\":1.5}]", "field \"auth\" must be a whole number");
    assertRefused("[{\"type\":\"LoginAnswer\",\"auth\":\"1e400\"}]", "field \"auth\"");
    assertEquals(
        -1,
        ((LoginAnswer) read("[{\"type\":\"LoginAnswer\",\"auth\":-1,\"expDate\":-1}]").get(0))
            .expDate());
    assertRefused(
        "[{\"type\":\"LoginAnswer\",\"expDate\":-2}]",
        "field \"expDate\" must be a whole number from -1");
    LoginAnswer ok =
        (LoginAnswer) read("[{\"type\":\"LoginAnswer\",\"auth\":\"1\",\"expDate\":1.0E9}]").get(0);
    assertEquals(1, ok.auth());
    assertEquals(1_000_000_000L, ok.expDate());
  }

  @Test
  void anEndlessStreamIsReadOnlyUpToTheLimit() {
    Reader zeros =
        new Reader() {
          long served;

          @Override
          public int read(char[] buf, int off, int len) {
            Arrays.fill(buf, off, off + len, ' ');
            served += len;
            return len;
          }

          @Override
          public void close() {}

          @Override
          public String toString() {
            return served + " characters served";
          }
        };
    FactsJson.FactsException e =
        assertThrows(FactsJson.FactsException.class, () -> FactsJson.read(zeros));
    assertTrue(
        e.getMessage().contains("larger than " + FactsJson.MAX_CHARS + " characters"),
        e.getMessage());
  }

  static List<?> read(String json) {
    try {
      return FactsJson.read(json);
    } catch (FactsJson.FactsException e) {
      throw new AssertionError(e.getMessage());
    }
  }
}
