package dev.xtreamdoctor.engine;

import static dev.xtreamdoctor.engine.CatalogueLint.error;
import static dev.xtreamdoctor.engine.CatalogueLint.warning;

import dev.xtreamdoctor.engine.CatalogueLint.Entry;
import dev.xtreamdoctor.engine.facts.Evidence;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The evidence keys: every {@code "evidence.KEY"} a rule file (or support.dsl) names is in the
 * English catalogue (else users would read the bare key), with a did-you-mean; every {@code
 * evidence.*} key of the catalogue has a key's shape, names only the value forms {@link
 * EvidenceWords} knows, and is named by some rule.
 */
final class EvidenceLint {
  private EvidenceLint() {}

  /** A key written in a rule file: {@code "evidence.login.accepted"}. */
  private static final Pattern NAMED = Pattern.compile("\"(evidence\\.[A-Za-z0-9_.]*)\"");

  /** A placeholder that names its value's form: {@code {end,datetime}}. */
  private static final Pattern FORM = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9_]*),([a-zA-Z]*)");

  /** Evidence written as a sentence in a rule: {@code .because( "Some words" )}. */
  private static final Pattern UNKEYED =
      Pattern.compile("\\bbecause\\s*\\(\\s*\"(?!evidence\\.)([^\"]*)\"\\s*[,)]");

  /** The same in a .dslr rule: {@code Add the evidence "Some words"}. */
  private static final Pattern UNKEYED_SENTENCE =
      Pattern.compile("^\\s*Add the evidence \"(?!evidence\\.)([^\"]*)\"");

  /** Keys the engine itself reads, named by no rule: units and lists. */
  private static final List<String> ENGINE_KEYS = List.of("evidence.unit.", "evidence.list.");

  /** Where each evidence key is named in the rule files: key to its first place. */
  record Named(String file, int line, int column) {}

  /** The keys the rules name that the English catalogue lacks, as errors at the rule's line. */
  static void rules(RuleFiles files, Catalogue catalogue, List<RuleLint.Problem> problems) {
    Set<String> known = evidenceKeys(catalogue);
    named(files)
        .forEach(
            (key, at) -> {
              if (catalogue.text(key) == null) {
                problems.add(
                    RuleLint.error(
                        at.file(),
                        at.line(),
                        at.column(),
                        "the evidence key "
                            + key
                            + " is not in "
                            + files.displayName(RuleFiles.CATALOGUE)
                            + RuleLint.didYouMean(key, known)
                            + ": add "
                            + key
                            + " = the sentence, with a {placeholder} for each value the rule"
                            + " gives"));
              }
            });
  }

  /**
   * Evidence a rule writes as a sentence instead of a key, as warnings: it shows in that one
   * language whatever the user's.
   */
  static void unkeyed(RuleFiles files, List<RuleLint.Problem> problems) {
    for (Map.Entry<String, String> f : new TreeMap<>(files.files()).entrySet()) {
      String name = f.getKey();
      if (!RuleFiles.isRuleFile(name)) {
        continue;
      }
      List<String> lines = f.getValue().lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = (name.endsWith(".dslr") ? UNKEYED_SENTENCE : UNKEYED).matcher(lines.get(i));
        if (m.find()) {
          problems.add(
              RuleLint.warning(
                  files.displayName(name),
                  i + 1,
                  m.start(1) + 1,
                  "the evidence \""
                      + m.group(1)
                      + "\" has no key, so it shows in these words in every language: add"
                      + " evidence.NAME = "
                      + m.group(1)
                      + " to catalogue.properties (and each language's) and name the key"));
        }
      }
    }
  }

  /** One evidence.* key of the English catalogue. */
  static void key(Set<String> named, String file, Entry e, List<RuleLint.Problem> problems) {
    String key = e.key();
    if (!Evidence.isKey(key)) {
      problems.add(
          error(
              file,
              e,
              "unknown key "
                  + key
                  + ": an evidence key is written evidence.NAME (dotted lower-case words joined"
                  + " by _), e.g. evidence.login.accepted"));
      return;
    }
    Matcher f = FORM.matcher(e.value());
    while (f.find()) {
      if (!EvidenceWords.FORMS.contains(f.group(2))) {
        problems.add(
            error(
                file,
                e,
                key
                    + ": {"
                    + f.group(1)
                    + ","
                    + f.group(2)
                    + "} names no form of a value"
                    + RuleLint.didYouMean(f.group(2), EvidenceWords.FORMS)
                    + "; the forms are "
                    + String.join(", ", EvidenceWords.FORMS)));
      }
    }
    if (ENGINE_KEYS.stream().noneMatch(key::startsWith) && !named.contains(key)) {
      problems.add(warning(file, e, "no rule names " + key + ", so it is never shown"));
    }
  }

  private static Set<String> evidenceKeys(Catalogue catalogue) {
    Set<String> keys = new TreeSet<>();
    for (String k : catalogue.keys()) {
      if (k.startsWith(Evidence.PREFIX)) {
        keys.add(k);
      }
    }
    return keys;
  }

  /** Every evidence key the rule files and the DSL name, with where it is first named. */
  static Map<String, Named> named(RuleFiles files) {
    Map<String, Named> named = new TreeMap<>();
    for (Map.Entry<String, String> f : new TreeMap<>(files.files()).entrySet()) {
      String name = f.getKey();
      if (!RuleFiles.isRuleFile(name) && !name.endsWith(".dsl")) {
        continue;
      }
      List<String> lines = f.getValue().lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = NAMED.matcher(lines.get(i));
        while (m.find()) {
          named.putIfAbsent(m.group(1), new Named(files.displayName(name), i + 1, m.start(1) + 1));
        }
      }
    }
    return named;
  }
}
