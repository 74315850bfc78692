package dev.xtreamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * --lang, then LC_ALL / LC_MESSAGES / LANG, chooses the language of the report; --device takes one
 * of the rules' devices (with their other spellings) and refuses anything else before any probe
 * runs, with the nearest one, exit 2 and no stack trace.
 */
class LanguageAndDeviceTest {
  private static final String EXPIRED = "../examples/facts/expired.json";
  private static final String DNS = "../examples/facts/dns-tampering.json";

  private static CliRun withEnv(Map<String, String> env, String... args) {
    return CliRun.run(new Terminal(CliRun.stdin(""), env, false, StandardCharsets.UTF_8), args);
  }

  @Test
  void langChoosesTheWordsOfTheReportAndItsHeadings() {
    CliRun es = CliRun.run("evaluate", "--facts", EXPIRED, "--lang", "es", "--format", "markdown");
    assertEquals(ExitCode.FAULT, es.exitCode(), es.toString());
    assertTrue(es.out().startsWith("**Autorización fallida**"), es.toString());
    assertTrue(es.out().contains("### Qué hacer"), es.toString());
    assertTrue(
        es.out().contains("Renueva la suscripción con el proveedor o el revendedor."),
        es.toString());
    assertFalse(es.out().contains("What to do"), es.toString());

    CliRun de = CliRun.run("evaluate", "--facts", EXPIRED, "--lang", "de_DE.UTF-8");
    assertTrue(de.out().contains("Das Abonnement ist abgelaufen"), de.toString());
    assertTrue(de.out().contains("Problem gefunden: Autorisierung fehlgeschlagen"), de.toString());

    JsonObject json =
        Json.createReader(
                new StringReader(
                    CliRun.run(
                            "evaluate", "--facts", EXPIRED, "--lang", "pt-br", "--format", "json")
                        .out()))
            .readObject();
    assertEquals("pt-BR", json.getString("language"));
    assertEquals("Falha na autorização", json.getString("title"));
  }

  @Test
  void withoutLangTheLocaleOfTheEnvironmentDecidesAndCIsEnglish() {
    assertTrue(
        withEnv(Map.of("LANG", "fr_FR.UTF-8"), "evaluate", "--facts", EXPIRED)
            .out()
            .contains("L'abonnement a expiré"));
    assertTrue(
        withEnv(
                Map.of("LC_ALL", "it_IT.UTF-8", "LANG", "fr_FR.UTF-8"),
                "evaluate",
                "--facts",
                EXPIRED)
            .out()
            .contains("L'abbonamento è scaduto"));
    assertTrue(
        withEnv(Map.of("LANG", "C"), "evaluate", "--facts", EXPIRED)
            .out()
            .contains("The subscription has expired"));
    assertTrue(
        withEnv(Map.of("LANG", "ja_JP.UTF-8"), "evaluate", "--facts", EXPIRED)
            .out()
            .contains("The subscription has expired"));
    CliRun explicit =
        withEnv(Map.of("LANG", "fr_FR.UTF-8"), "evaluate", "--facts", EXPIRED, "--lang", "en");
    assertTrue(explicit.out().contains("The subscription has expired"), explicit.toString());
  }

  @Test
  void anUnknownLanguageIsRefusedWithTheOnesThereAre() {
    CliRun r = CliRun.run("evaluate", "--facts", EXPIRED, "--lang", "sv");
    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
    assertTrue(r.err().contains("--lang: the rules have no words in 'sv'"), r.toString());
    assertTrue(r.err().contains("en, de, es, fr, it, pt-BR"), r.toString());
    assertFalse(r.err().contains("Exception"), r.toString());
  }

  @Test
  void anUnknownDeviceIsRefusedWithTheNearestBeforeAnyProbe() {
    // port 9 on loopback: nothing is sent, the option is refused first
    CliRun r = CliRun.run("diagnose", "--server", "http://127.0.0.1:9", "--device", "firestik");
    assertEquals(ExitCode.USAGE, r.exitCode(), r.toString());
    assertTrue(
        r.err()
            .contains(
                "--device: 'firestik' is not a device the rules know (did you mean firestick?)"),
        r.toString());
    assertTrue(r.err().contains("samsung-tv, lg-tv"), r.toString());
    assertFalse(r.err().contains("Exception"), r.toString());
    CliRun toaster =
        CliRun.run("diagnose", "--server", "http://127.0.0.1:9", "--device", "toaster");
    assertEquals(ExitCode.USAGE, toaster.exitCode(), toaster.toString());
    assertTrue(
        toaster
            .err()
            .contains("'toaster' is not a device the rules know; the devices are firestick,"),
        toaster.toString());
  }

  @Test
  void theDnsFixOfTheExampleShowsTheFireTvMenuInEachLanguage() {
    assertTrue(CliRun.run("evaluate", "--facts", DNS).out().contains("Settings > Network"));
    assertTrue(
        CliRun.run("evaluate", "--facts", DNS, "--lang", "es")
            .out()
            .contains("Configuración > Red"));
    assertTrue(
        CliRun.run("evaluate", "--facts", DNS, "--lang", "de")
            .out()
            .contains("Einstellungen > Netzwerk"));
    assertTrue(
        CliRun.run("evaluate", "--facts", DNS, "--lang", "fr")
            .out()
            .contains("Paramètres > Réseau"));
    assertTrue(
        CliRun.run("evaluate", "--facts", DNS, "--lang", "it")
            .out()
            .contains("Impostazioni > Rete"));
    assertTrue(
        CliRun.run("evaluate", "--facts", DNS, "--lang", "pt-BR")
            .out()
            .contains("Configurações > Rede"));
  }
}
