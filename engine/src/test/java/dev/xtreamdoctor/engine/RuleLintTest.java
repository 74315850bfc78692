package dev.xtreamdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@code rules check} adds to compiling: lint on the text, with exact places and words. */
class RuleLintTest {
  private static final String HEAD =
      "package dev.xtreamdoctor.rules;\n\nimport dev.xtreamdoctor.engine.facts.*;\n\n";

  private static List<String> lint(RuleFiles files) {
    return RuleLint.check(
            files,
            RuleSource.of(files),
            Optional.of(Catalogue.parse(files.files().get(RuleFiles.CATALOGUE))))
        .stream()
        .map(RuleLint.Problem::toString)
        .toList();
  }

  /** The bundled rules plus one more file, shown as if they sat in a directory "r". */
  private static RuleFiles withExtra(String name, String text, String catalogueAddition) {
    Map<String, String> files = new LinkedHashMap<>(SharedRules.BOOK.files().files());
    files.put(name, text);
    files.merge(RuleFiles.CATALOGUE, catalogueAddition, String::concat);
    files.keySet().removeIf(f -> Languages.ofFile(f).isPresent()); // words added in English only
    return new RuleFiles("r", java.nio.file.Path.of("r"), files);
  }

  @Test
  void aLanguageFileIsCheckedAgainstTheEnglishKeysAndPlaceholders() {
    Map<String, String> files = new LinkedHashMap<>(SharedRules.BOOK.files().files());
    files.keySet().removeIf(f -> Languages.ofFile(f).isPresent());
    files.put(
        "catalogue_sv.properties",
        "category.INVALID_DETAILS.title = Ogiltiga uppgifter\n"
            + "EXPIRED.titel = Abonnemanget har gått ut\n"
            + "EXPIRED.impact = Panelen känner till uppgifterna men nekar linjen.\n"
            + "EXPIRED.fix.1 = Förnya abonnemanget före {expiresOn}.\n");
    List<String> problems = lint(new RuleFiles("r", java.nio.file.Path.of("r"), files));
    assertEquals(
        List.of(
            "r/catalogue_sv.properties:2:1: warning: EXPIRED.titel is not in r/catalogue.properties (did you mean EXPIRED.title?), so it is"
                + " never shown",
            "r/catalogue_sv.properties:4:1: EXPIRED.fix.1 must keep the placeholders of the English text; it has {expiresOn}, which the"
                + " English text has not"),
        problems.stream()
            .filter(p -> p.contains("catalogue_sv") && !p.contains("not translated"))
            .toList());
    String missing =
        problems.stream().filter(p -> p.contains("not translated")).findFirst().orElseThrow();
    assertEquals(true, missing.startsWith("r/catalogue_sv.properties:1:1: warning: "), missing);
    assertEquals(
        true,
        missing.contains("keys are not translated (shown in English): category.LOGIN_FAILED.title"),
        missing);
  }

  @Test
  void anEvidenceKeyTheCatalogueLacksIsAnErrorAtTheRuleAndAChangedFormIsRefused() {
    RuleFiles files =
        withExtra(
            "90-new.drl",
            HEAD
                + "rule \"New: paused\"\nwhen\n  LoginAnswer( status == \"Paused\" )\nthen\n"
                + "  insert( Finding.info( \"NO_FAULT_FOUND\", \"HEALTHY\", \"account\" )\n"
                + "      .because( \"evidence.login.acepted\", \"status\", \"Paused\" )\n"
                + "      .because( \"The reseller paused it\" ) );\nend\n",
            "evidence.account.paused = The line was paused on {when,dat}\n");
    List<String> problems = lint(files);
    assertTrue(
        problems.contains(
            "r/90-new.drl:10:18: the evidence key evidence.login.acepted is not in"
                + " r/catalogue.properties (did you mean evidence.login.accepted?): add"
                + " evidence.login.acepted = the sentence, with a {placeholder} for each value the"
                + " rule gives"),
        String.join("\n", problems));
    assertTrue(
        problems.stream()
            .anyMatch(
                p ->
                    p.contains(
                        "evidence.account.paused: {when,dat} names no form of a value (did"
                            + " you mean date?)")),
        String.join("\n", problems));
    assertTrue(
        problems.stream()
            .anyMatch(
                p ->
                    p.endsWith(
                        "warning: no rule names evidence.account.paused, so it is never shown")),
        String.join("\n", problems));

    assertTrue(
        problems.contains(
            "r/90-new.drl:11:18: warning: the evidence \"The reseller paused it\" has no key, so it"
                + " shows in these words in every language: add evidence.NAME = The reseller paused"
                + " it to catalogue.properties (and each language's) and name the key"),
        String.join("\n", problems));

    Map<String, String> translated = new LinkedHashMap<>(SharedRules.BOOK.files().files());
    translated.put(
        "catalogue_es.properties",
        translated
            .get("catalogue_es.properties")
            .replace("terminó el {end,datetime}, {ago,span}", "terminó el {end}, {ago,span}"));
    assertTrue(
        lint(new RuleFiles("r", java.nio.file.Path.of("r"), translated)).stream()
            .anyMatch(
                p ->
                    p.contains("evidence.account.ended must keep the placeholders of the English")
                        && p.contains("it lacks {end,datetime}")),
        "a changed form is refused");
  }

  @Test
  void theBundledRulesAreClean() {
    assertEquals(List.of(), lint(SharedRules.BOOK.files()));
  }

  @Test
  void aCauseWithoutWordsOrFixesAndAnUnknownCategoryAreErrors() {
    RuleFiles files =
        withExtra(
            "90-new.drl",
            HEAD
                + "rule \"New: no words\"\nwhen\n  LoginAnswer( outcome == \"panel.login_ok\" )\nthen\n"
                + "  insert( Finding.error( \"AUTHORISATION_FAILED\", \"NEW_CAUSE\", \"account\" ) );\nend\n\n"
                + "rule \"New: no fix\"\nwhen\n  LoginAnswer( outcome == \"panel.login_ok\" )\nthen\n"
                + "  insert( Finding.error( \"AUTHORIZATION_FAILED\", \"HALF_DONE\", \"account\" ) );\nend\n",
            "\nHALF_DONE.title = Half done\nHALF_DONE.impact = Something\n");
    assertEquals(
        List.of(
            "r/90-new.drl:9:27: unknown category AUTHORISATION_FAILED in rule \"New: no words\" (did you mean AUTHORIZATION_FAILED?);"
                + " the categories are INVALID_DETAILS, LOGIN_FAILED, AUTHORIZATION_FAILED, CONNECTION_TIMEOUT, HOST_NOT_FOUND, NO_FAULT_FOUND, INCONCLUSIVE",
            "r/90-new.drl:9:51: the cause NEW_CAUSE has no words in catalogue.properties:"
                + " add NEW_CAUSE.title, NEW_CAUSE.impact and NEW_CAUSE.fix.1",
            "r/90-new.drl:16:51: the cause HALF_DONE has no fix in catalogue.properties: add HALF_DONE.fix.1, what the user should do"),
        lint(files));
  }

  @Test
  void javaThatReachesOutIsAnErrorAndOtherJavaAWarning() {
    RuleFiles files =
        withExtra(
            "90-new.drl",
            HEAD
                + "rule \"New: dangerous\"\nwhen\n  LoginAnswer( )\nthen\n  System.exit( 1 );\nend\n\n"
                + "rule \"New: clever\"\nwhen\n  $l : LoginAnswer( )\nthen\n"
                + "  insert( Finding.info( \"NO_FAULT_FOUND\", \"HEALTHY\", \"login\" ).because( $l.status().repeat( 2 ) ) );\nend\n",
            "");
    assertEquals(
        List.of(
            "r/90-new.drl:9:3: rules may not use System: it reaches outside the diagnosis (the machine, files, the network or the program itself)",
            "r/90-new.drl:16:85: warning: rule \"New: clever\" calls repeat, which is not among the calls rules need;"
                + " ask a developer to add a sentence to support.dsl or a function instead"),
        lint(files));
  }
}
