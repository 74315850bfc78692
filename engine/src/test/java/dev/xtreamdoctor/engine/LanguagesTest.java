package dev.xtreamdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LanguagesTest {
  private static final List<String> HAVE = List.of("en", "de", "es", "fr", "it", "pt-BR");

  @Test
  void localesAndTagsAreReadAsTheLanguageTheyName() {
    assertEquals(Optional.of("es-ES"), Languages.tag("es_ES.UTF-8"));
    assertEquals(Optional.of("de-DE"), Languages.tag("de_DE@euro"));
    assertEquals(Optional.of("pt-BR"), Languages.tag("PT_br"));
    assertEquals(Optional.empty(), Languages.tag("C"));
    assertEquals(Optional.empty(), Languages.tag("POSIX"));
    assertEquals(Optional.empty(), Languages.tag("C.UTF-8"));
    assertEquals(Optional.of("es"), Languages.match("es_ES.UTF-8", HAVE));
    assertEquals(Optional.of("es"), Languages.match("es-MX", HAVE));
    assertEquals(Optional.of("pt-BR"), Languages.match("pt_BR.UTF-8", HAVE));
    assertEquals(Optional.of("pt-BR"), Languages.match("pt", HAVE));
    assertEquals(Optional.of("en"), Languages.match("en_GB.UTF-8", HAVE));
    assertTrue(Languages.match("sv_SE.UTF-8", HAVE).isEmpty());
    assertEquals("pt-BR", Languages.ofFile("catalogue_pt_BR.properties").orElseThrow());
    assertEquals("catalogue_pt_BR.properties", Languages.fileOf("pt-BR"));
  }

  @Test
  void theEnvironmentIsReadAsPosixDoesAndAnUnknownLanguageIsEnglish() {
    assertEquals(
        "fr",
        Languages.fromEnvironment(Map.of("LC_ALL", "fr_FR.UTF-8", "LANG", "de_DE.UTF-8"), HAVE));
    assertEquals(
        "de", Languages.fromEnvironment(Map.of("LC_ALL", "", "LANG", "de_DE.UTF-8"), HAVE));
    assertEquals(
        "it",
        Languages.fromEnvironment(Map.of("LC_MESSAGES", "it_IT", "LANG", "de_DE.UTF-8"), HAVE));
    assertEquals("en", Languages.fromEnvironment(Map.of("LANG", "C"), HAVE));
    assertEquals("en", Languages.fromEnvironment(Map.of("LANG", "POSIX"), HAVE));
    assertEquals("en", Languages.fromEnvironment(Map.of("LANG", "ja_JP.UTF-8"), HAVE));
    assertEquals("en", Languages.fromEnvironment(Map.of(), HAVE));
  }

  @Test
  void acceptLanguageIsReadByQuality() {
    assertEquals("de", Languages.fromAcceptLanguage("sv;q=0.9, de;q=0.8, en;q=0.5", HAVE));
    assertEquals("fr", Languages.fromAcceptLanguage("fr-CA,fr;q=0.9,en;q=0.8", HAVE));
    assertEquals("pt-BR", Languages.fromAcceptLanguage("en;q=0.1, pt-BR", HAVE));
    assertEquals("en", Languages.fromAcceptLanguage("ja, zh;q=0.5", HAVE));
    assertEquals("en", Languages.fromAcceptLanguage(null, HAVE));
    assertEquals("en", Languages.fromAcceptLanguage("es;q=0, ja", HAVE));
    assertEquals("it", Languages.fromAcceptLanguage("it;q=garbage, it-IT;q=0.7", HAVE));
  }
}
