package dev.xtreamdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.engine.facts.Evidence;
import dev.xtreamdoctor.engine.render.JsonRenderer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Evidence as a key and values, said in each language: forms, plurals, pieces, JSON. */
class EvidenceWordsTest {
  private static String say(String language, Evidence e) {
    return EvidenceWords.say(e, SharedRules.BOOK.catalogue(language));
  }

  @Test
  void datesAndSpansAreWrittenTheLanguagesWay() {
    Evidence ended =
        Evidence.of(
            "evidence.account.ended", "end", 1_764_278_400L, "ago", 2 * 86_400L + 5 * 3600L);
    assertEquals(
        "The account ended on 27 November 2025, 21:20 UTC, 2 days 5 hours before the server's clock",
        say("en", ended));
    assertEquals(
        "La cuenta terminó el 27 de noviembre de 2025, 21:20 UTC, 2 días y 5 horas antes del reloj"
            + " del servidor",
        say("es", ended));
    assertEquals(
        "Das Konto endete am 27. November 2025, 21:20 UTC, laut der Uhr des Servers vor 2 Tagen und 5"
            + " Stunden",
        say("de", ended));
  }

  @Test
  void millisecondsCountsAndPluralsFollowTheLanguage() {
    Evidence connected =
        Evidence.of(
            "evidence.tcp.connected", "address", "203.0.113.10", "port", 8080, "millis", 1250);
    assertEquals(
        "Connecting to 203.0.113.10 port 8080 worked in 1.3 seconds", say("en", connected));
    assertEquals(
        "La connexion à 203.0.113.10 port 8080 a abouti en 1,3 secondes", say("fr", connected));
    Evidence one = Evidence.of("evidence.tcp.connected", "address", "a", "port", 1, "millis", 1000);
    assertTrue(say("it", one).endsWith("in 1 secondo"), say("it", one));
    Evidence slots = Evidence.of("evidence.account.connections", "max", 1, "active", 2);
    assertEquals("The panel allows 1 connection and 2 are in use", say("en", slots));
    assertEquals("O painel permite 1 conexão e 2 estão em uso", say("pt-BR", slots));
  }

  @Test
  void aPieceWithItsOwnKeyIsSaidInTheSameLanguageAndOpensWithACapital() {
    Evidence dns =
        Evidence.of(
            "evidence.dns.several.name_not_resolved",
            "who",
            Evidence.list(
                List.of(
                    Evidence.of("evidence.dns.your_resolver", "address", "192.168.1.1"),
                    "1.1.1.1")),
            "all",
            Evidence.of("evidence.dns.both"),
            "host",
            "panel.example.com");
    assertEquals(
        "Your resolver (192.168.1.1) and 1.1.1.1 both say panel.example.com does not exist",
        say("en", dns));
    assertEquals(
        "Il tuo server DNS (192.168.1.1) e 1.1.1.1 dicono entrambi che panel.example.com non esiste",
        say("it", dns));
  }

  @Test
  void observedValuesAreNeverTranslatedAndASentenceWithoutAKeyStaysAsWritten() {
    Evidence accepted = Evidence.of("evidence.login.accepted", "status", "Expired");
    assertTrue(say("es", accepted).endsWith("«Expired»"), say("es", accepted));
    assertEquals("Some words", say("de", Evidence.of("Some words")));
    assertTrue(Evidence.of("Some words").isLiteral());
    assertEquals(
        "evidence.no.such port=8080", say("fr", Evidence.of("evidence.no.such", "port", 8080)));
  }

  @Test
  void jsonCarriesEachLineAsItsKeyAndValues() {
    Diagnosis d = SharedRules.ENGINE.evaluate(ExampleFacts.of("expired").facts(), null, "fr");
    JsonObject o = Json.createReader(new StringReader(new JsonRenderer().render(d))).readObject();
    JsonArray lines = o.getJsonArray("evidence");
    JsonArray keyed = o.getJsonArray("evidenceKeys");
    assertEquals(lines.size(), keyed.size(), o.toString());
    assertFalse(keyed.isEmpty());
    JsonObject first = keyed.getJsonObject(0);
    assertEquals("evidence.login.accepted", first.getString("key"), first.toString());
    assertEquals("Expired", first.getJsonObject("params").getString("status"));
    assertTrue(lines.getString(0).startsWith("Le panel a accepté"), lines.getString(0));
    JsonObject ended = keyed.getJsonObject(1);
    assertTrue(
        ended.getJsonObject("params").getJsonNumber("end").longValue() > 0, ended.toString());
    JsonObject finding = o.getJsonArray("findings").getJsonObject(0);
    assertEquals(
        finding.getJsonArray("evidence").size(), finding.getJsonArray("evidenceKeys").size());
  }
}
