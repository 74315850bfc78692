package dev.xtreamdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.engine.facts.Settings;
import dev.xtreamdoctor.engine.render.Format;
import dev.xtreamdoctor.engine.render.TextStyle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each shipped language renders every cause of examples/facts with no English left: not one key
 * falls back to English (the English words are marked, and no mark may show), no sentence of the
 * English catalogue is left standing in the words, and every text keeps the English text's
 * placeholders exactly. What was seen (the evidence) is the rules' own record and is not checked.
 */
class TranslationsTest {
  private static final String MARK = "\u27e6EN\u27e7";
  private static final Pattern QUOTED =
      Pattern.compile("\"[^\"]*\"|«[^»]*»|„[^“”]*[“”]|“[^”]*”|»[^«]*«");
  private static final Pattern WORD = Pattern.compile("[A-Za-z]+");

  /** The bundled rules with every English text marked: a fallback to English shows the mark. */
  private static RuleBook marked() throws RulesException {
    Map<String, String> files = new LinkedHashMap<>(SharedRules.BOOK.files().files());
    StringBuilder english = new StringBuilder();
    for (String line : files.get(RuleFiles.CATALOGUE).split("\n", -1)) {
      boolean entry =
          !line.isBlank()
              && !line.startsWith("#")
              && line.contains(" = ")
              && !line.contains(".aliases");
      english.append(entry ? line.replaceFirst(" = ", " = " + MARK) : line).append('\n');
    }
    files.put(RuleFiles.CATALOGUE, english.toString());
    return RuleBook.of(SharedRules.BOOK.kieBase(), new RuleFiles("marked", null, files));
  }

  private static List<String> examples() throws IOException {
    try (Stream<Path> files = Files.list(ExampleFacts.DIR)) {
      return files.map(p -> p.getFileName().toString().replace(".json", "")).sorted().toList();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"es", "fr", "de", "pt-BR", "it"})
  void everyCauseOfTheExamplesRendersWithNoEnglishLeft(String language) throws Exception {
    assertTrue(
        SharedRules.BOOK.languages().contains(language), SharedRules.BOOK.languages().toString());
    RuleBook book = marked();
    DiagnosisEngine engine = new DiagnosisEngine(book, Settings.defaults());
    Set<String> english = englishSentences(language);
    List<String> devices = Devices.of(SharedRules.BOOK.catalogue()).codes();
    Set<String> causes = new TreeSet<>();
    int n = 0;
    for (String name : examples()) {
      // each example with a device in turn, so every device's steps are shown somewhere
      List<String> deviceOf = new ArrayList<>(List.of(devices.get(n++ % devices.size())));
      for (String device : deviceOf) {
        ExampleFacts facts =
            ExampleFacts.of(name).set("ReportedSymptoms", Map.of("device", device));
        Diagnosis d = engine.evaluate(facts.facts(), null, language);
        List<String> words = new ArrayList<>();
        words.add(d.title());
        words.add(d.summary());
        d.causes().forEach(c -> words.add(c.text()));
        causes.addAll(d.causeIds());
        words.addAll(d.fixes());
        for (Diagnosis.FindingView f : d.findings()) {
          causes.add(f.causeId());
          words.add(f.title());
          words.add(f.impact());
          words.addAll(f.fixes());
        }
        for (String w : words) {
          assertFalse(w.contains(MARK), language + ", " + name + ": shown in English: " + w);
          assertFalse(
              w.matches("(?s).*\\{[a-zA-Z][\\w.]*}.*"),
              language + ", " + name + ": a raw placeholder: " + w);
          for (String s : sentencesOf(w)) {
            assertFalse(
                english.contains(s),
                language + ", " + name + ": English words \"" + s + "\" in: " + w);
          }
        }
        for (Format format : Format.values()) {
          String out = format.renderer(TextStyle.PLAIN_UNICODE, book.catalogue(language)).render(d);
          assertFalse(out.contains(MARK), language + ", " + name + ", " + format + ":\n" + out);
        }
      }
    }
    Set<String> missing = new TreeSet<>(SharedRules.BOOK.catalogue().causeIds());
    missing.removeAll(causes);
    missing.removeAll(
        OVER_TIME); // examples/histories, not examples/facts: checked key by key below
    assertEquals(Set.of(), missing, "causes the examples never showed in " + language);
  }

  @ParameterizedTest
  @ValueSource(strings = {"es", "fr", "de", "pt-BR", "it"})
  void everyLineOfEvidenceOfTheExamplesAndHistoriesIsInTheLanguage(String language)
      throws Exception {
    RuleBook book = marked();
    DiagnosisEngine engine = new DiagnosisEngine(book, Settings.defaults());
    Catalogue words = book.catalogue(language);
    Set<String> english = englishSentences(language);
    List<List<dev.xtreamdoctor.engine.facts.Fact>> cases = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (String name : examples()) {
      cases.add(ExampleFacts.of(name).facts());
      names.add(name);
    }
    for (String history : ExamplesTest.histories().toList()) {
      cases.add(
          dev.xtreamdoctor.engine.watch.HistoryFacts.of(
              dev.xtreamdoctor.engine.watch.HistoryJson.read(
                  ExamplesTest.HISTORY_DIR.resolve(history + ".jsonl"))));
      names.add(history);
    }
    Set<String> keys = new TreeSet<>();
    int lines = 0;
    for (int i = 0; i < cases.size(); i++) {
      Diagnosis d = engine.evaluate(cases.get(i), null, language);
      for (Diagnosis.FindingView f : d.findings()) {
        assertEquals(f.evidence().size(), f.evidenceKeys().size(), names.get(i));
        for (int j = 0; j < f.evidence().size(); j++) {
          dev.xtreamdoctor.engine.facts.Evidence e = f.evidenceKeys().get(j);
          String line = f.evidence().get(j);
          String at = language + ", " + names.get(i) + ", " + e.key() + ": ";
          assertFalse(e.isLiteral(), at + "a sentence without a key: " + line);
          assertFalse(line.contains(MARK), at + "shown in English: " + line);
          assertFalse(
              line.matches("(?s).*\\{[a-zA-Z][\\w.]*}.*"), at + "a raw placeholder: " + line);
          for (String s : sentencesOf(EvidenceWords.say(withoutObserved(e), words))) {
            assertFalse(english.contains(s), at + "English words \"" + s + "\" in: " + line);
          }
          keys.add(e.key());
          lines++;
        }
      }
    }
    assertTrue(lines > 100 && keys.size() > 60, lines + " lines, keys " + keys);
  }

  @ParameterizedTest
  @ValueSource(strings = {"es", "fr", "de", "pt-BR", "it"})
  void datesAndTheirFallbacksInTheCausesAreInTheLanguage(String language) throws Exception {
    DiagnosisEngine engine = new DiagnosisEngine(SharedRules.BOOK, Settings.defaults());
    List<List<dev.xtreamdoctor.engine.facts.Fact>> cases = new ArrayList<>();
    for (String name : examples()) {
      cases.add(ExampleFacts.of(name).facts());
    }
    for (String name : List.of("expired", "trial-expired")) {
      // a panel that gives no end date: the words for "an earlier date"
      cases.add(ExampleFacts.of(name).set("LoginAnswer", Map.of("expDate", 0)).facts());
    }
    for (String history : ExamplesTest.histories().toList()) {
      cases.add(
          dev.xtreamdoctor.engine.watch.HistoryFacts.of(
              dev.xtreamdoctor.engine.watch.HistoryJson.read(
                  ExamplesTest.HISTORY_DIR.resolve(history + ".jsonl"))));
    }
    Pattern english = englishDateWords(Locale.forLanguageTag(language));
    Set<String> dated = new TreeSet<>();
    for (List<dev.xtreamdoctor.engine.facts.Fact> facts : cases) {
      Diagnosis d = engine.evaluate(facts, null, language);
      List<String> words = new ArrayList<>(d.fixes());
      d.causes().forEach(c -> words.add(c.text()));
      for (Diagnosis.FindingView f : d.findings()) {
        words.add(f.title());
        words.add(f.impact());
        words.addAll(f.fixes());
        if (f.title().matches(".*\\d{4}.*")) {
          dated.add(f.causeId());
        }
      }
      for (String w : words) {
        assertFalse(english.matcher(w).find(), language + ": an English date or phrase in: " + w);
      }
    }
    assertTrue(dated.containsAll(Set.of("EXPIRED", "TRIAL_EXPIRED", "EXPIRES_SOON")), "" + dated);
  }

  /**
   * The English names of months and weekdays that the language does not share (German has April
   * too), and the English words a rule once put in for a date it did not have.
   */
  private static Pattern englishDateWords(Locale language) {
    List<String> names = new ArrayList<>(List.of("an earlier date", "during the watch"));
    for (java.time.Month m : java.time.Month.values()) {
      String en = m.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
      if (!en.equalsIgnoreCase(m.getDisplayName(java.time.format.TextStyle.FULL, language))
          && !en.equalsIgnoreCase(
              m.getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, language))) {
        names.add(en);
      }
    }
    for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
      names.add(day.getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH));
    }
    return Pattern.compile("\\b(" + String.join("|", names) + ")\\b");
  }

  /** The evidence with every observed text taken out, so only the catalogue's words are left. */
  private static dev.xtreamdoctor.engine.facts.Evidence withoutObserved(
      dev.xtreamdoctor.engine.facts.Evidence e) {
    Map<String, Object> params = new LinkedHashMap<>();
    e.params()
        .forEach(
            (k, v) ->
                params.put(
                    k,
                    v instanceof dev.xtreamdoctor.engine.facts.Evidence nested
                        ? withoutObserved(nested)
                        : v instanceof String ? "|" : v));
    return new dev.xtreamdoctor.engine.facts.Evidence(e.key(), params);
  }

  /** The causes of a watch's history, which examples/facts do not hold. */
  private static final Set<String> OVER_TIME =
      Set.of(
          "PEAK_HOUR_OVERLOAD",
          "SLOW_AT_PEAK_HOURS",
          "TIMEOUTS_NOW_AND_THEN",
          "INTERMITTENT_DNS_FAILURES",
          "IP_BAN_BEGAN",
          "LINE_BANNED_DURING_WATCH",
          "EXPIRED_DURING_WATCH",
          "FAULT_BEGAN_DURING_WATCH",
          "SAME_FAULT_THROUGHOUT",
          "FAULT_CAME_AND_WENT");

  @ParameterizedTest
  @ValueSource(strings = {"es", "fr", "de", "pt-BR", "it"})
  void everyKeyIsTranslatedWithTheEnglishPlaceholdersExactly(String language) {
    Catalogue english = SharedRules.BOOK.catalogue();
    Catalogue words = SharedRules.BOOK.catalogue(language);
    Set<String> english4 = englishSentences(language);
    for (String key : english.keys()) {
      if (key.endsWith(".aliases")) {
        continue; // other spellings a user types: one list, in the English file
      }
      String own = words.ownText(key);
      assertTrue(own != null && !own.isBlank(), language + ": " + key + " is not translated");
      assertEquals(
          placeholders(english.text(key)),
          placeholders(own),
          language + ": " + key + " must keep the placeholders");
      for (String s : sentencesOf(own)) {
        assertFalse(
            english4.contains(s),
            language + ": " + key + " has English words \"" + s + "\": " + own);
      }
    }
    for (String key : words.keys()) {
      assertTrue(english.text(key) != null, language + ": " + key + " is not an English key");
    }
  }

  private static List<String> placeholders(String text) {
    List<String> names = new ArrayList<>();
    Matcher m = Catalogue.PLACEHOLDER.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    names.sort(null);
    return names;
  }

  /**
   * Runs of four words of the English texts, outside quotes (what an app shows stays as it shows
   * it) and placeholders, in lower case; texts a language keeps as they are (DNS, player_api.php,
   * Fire TV / Firestick) left out.
   */
  private static Set<String> englishSentences(String language) {
    Catalogue english = SharedRules.BOOK.catalogue();
    Catalogue words = SharedRules.BOOK.catalogue(language);
    Set<String> out = new HashSet<>();
    for (String key : english.keys()) {
      String en = english.text(key);
      if (key.endsWith(".aliases") || en.equals(words.ownText(key))) {
        continue;
      }
      out.addAll(sentencesOf(en));
    }
    return out;
  }

  private static List<String> sentencesOf(String text) {
    List<String> out = new ArrayList<>();
    for (String part :
        Catalogue.PLACEHOLDER
            .matcher(QUOTED.matcher(text).replaceAll("|"))
            .replaceAll("|")
            .split("[|.:;,()>]")) {
      List<String> w = new ArrayList<>();
      Matcher m = WORD.matcher(part);
      int end = -1;
      while (m.find()) {
        if (end >= 0 && !part.substring(end, m.start()).isBlank()) {
          w.clear(); // only words with nothing but spaces between them
        }
        w.add(m.group().toLowerCase(Locale.ROOT));
        end = m.end();
        if (w.size() >= 4) {
          out.add(String.join(" ", w.subList(w.size() - 4, w.size())));
        }
      }
    }
    return out;
  }
}
