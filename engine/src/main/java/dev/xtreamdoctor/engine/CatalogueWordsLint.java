package dev.xtreamdoctor.engine;

import static dev.xtreamdoctor.engine.CatalogueLint.braces;
import static dev.xtreamdoctor.engine.CatalogueLint.entries;
import static dev.xtreamdoctor.engine.CatalogueLint.error;
import static dev.xtreamdoctor.engine.CatalogueLint.warning;

import dev.xtreamdoctor.engine.CatalogueLint.Entry;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of {@link CatalogueLint} for the words that are not a cause's (devices, steps by device,
 * words for codes) and for the translations (catalogue_LANG.properties against English).
 */
final class CatalogueWordsLint {
  private CatalogueWordsLint() {}

  private static final Pattern LOWER_CODE = Pattern.compile("[a-z0-9]+(_[a-z0-9]+)*");
  private static final Pattern WORDS_KEY =
      Pattern.compile("([a-z][a-zA-Z0-9]*)\\.([a-z0-9]+(_[a-z0-9]+)*)");

  /** device.CODE, how.KIND(.DEVICE), report.NAME, NAME.CODE: the keys that are not a cause's. */
  static void wordsKey(String file, Entry e, Catalogue catalogue, List<RuleLint.Problem> problems) {
    String key = e.key();
    String[] parts = key.split("\\.", -1);
    if (key.startsWith(Catalogue.DEVICE_PREFIX)) {
      deviceKey(file, e, parts, catalogue, problems);
      return;
    }
    if (key.startsWith(Catalogue.HOW_PREFIX)) {
      howKey(file, e, parts, catalogue, problems);
      return;
    }
    if (key.startsWith(Catalogue.REPORT_PREFIX)) {
      return; // the report's own words: read by the renderers, whatever the rules
    }
    Matcher w = WORDS_KEY.matcher(key);
    if (!w.matches()) {
      problems.add(
          error(
              file,
              e,
              "unknown key "
                  + key
                  + ": words for a code are written NAME.CODE (field.username = username), the"
                  + " CODE in lower-case words joined by _"));
      return;
    }
    String name = w.group(1);
    Set<String> used = new TreeSet<>();
    for (String k : catalogue.keys()) {
      Matcher p = Catalogue.PLACEHOLDER.matcher(catalogue.text(k));
      while (p.find()) {
        used.add(p.group(1));
      }
    }
    if (!used.contains(name)) {
      problems.add(
          warning(
              file,
              e,
              "no text has the placeholder {"
                  + name
                  + "}"
                  + RuleLint.didYouMean(name, used)
                      .replaceAll("did you mean (\\w+)\\?", "did you mean {$1}?")
                  + ", so "
                  + key
                  + " is never shown"));
    }
  }

  /**
   * Each catalogue_LANG.properties against the English catalogue: keys it lacks (shown in English)
   * and keys English does not have (never shown), as warnings; a text whose placeholders differ
   * from the English one, as an error (a value would be lost, or users would read a raw {name}).
   */
  static void languages(RuleFiles files, Catalogue english, List<RuleLint.Problem> problems) {
    for (Map.Entry<String, String> f : new java.util.TreeMap<>(files.files()).entrySet()) {
      java.util.Optional<String> tag = Languages.ofFile(f.getKey());
      if (tag.isEmpty()) {
        continue;
      }
      String file = files.displayName(f.getKey());
      List<Entry> entries = entries(f.getValue());
      Set<String> translated = new HashSet<>();
      for (Entry e : entries) {
        translated.add(e.key());
        String en = english.text(e.key());
        if (en == null) {
          problems.add(
              warning(
                  file,
                  e,
                  e.key()
                      + " is not in "
                      + files.displayName(RuleFiles.CATALOGUE)
                      + RuleLint.didYouMean(e.key(), english.keys())
                      + ", so it is never shown"));
          continue;
        }
        Set<String> want = placeholderShapes(en);
        Set<String> have = placeholderShapes(e.value());
        if (!want.equals(have)) {
          Set<String> lost = new TreeSet<>(want);
          lost.removeAll(have);
          Set<String> extra = new TreeSet<>(have);
          extra.removeAll(want);
          problems.add(
              error(
                  file,
                  e,
                  e.key()
                      + " must keep the placeholders of the English text"
                      + (lost.isEmpty() ? "" : "; it lacks " + braces(lost))
                      + (extra.isEmpty()
                          ? ""
                          : "; it has " + braces(extra) + ", which the English text has not")));
        }
      }
      List<String> missing =
          english.order().stream()
              .filter(k -> !translated.contains(k) && !k.endsWith(".aliases"))
              .toList();
      if (!missing.isEmpty()) {
        problems.add(
            new RuleLint.Problem(
                false,
                new RuleProblem(
                    file,
                    1,
                    1,
                    missing.size()
                        + (missing.size() == 1 ? " key is" : " keys are")
                        + " not translated (shown in English): "
                        + String.join(", ", missing.subList(0, Math.min(10, missing.size())))
                        + (missing.size() > 10
                            ? ", and " + (missing.size() - 10) + " more"
                            : ""))));
      }
    }
  }

  /** A text's placeholders with the form each names: {@code end,datetime}, {@code port}. */
  private static Set<String> placeholderShapes(String text) {
    Set<String> shapes = new TreeSet<>();
    Matcher p = SHAPE.matcher(text);
    while (p.find()) {
      shapes.add(p.group(1) + (p.group(2) == null ? "" : p.group(2)));
    }
    return shapes;
  }

  private static final Pattern SHAPE =
      Pattern.compile(
          "\\{([a-zA-Z][a-zA-Z0-9_]*(?:\\.[a-zA-Z][a-zA-Z0-9_]*)?)(,[a-z]+)?(?:\\|[^|{}]*\\|[^|{}]*)?}");

  /** device.CODE = Its name, device.CODE.aliases = other spellings. */
  private static void deviceKey(
      String file, Entry e, String[] parts, Catalogue catalogue, List<RuleLint.Problem> problems) {
    String key = e.key();
    boolean aliases = parts.length == 3 && parts[2].equals("aliases");
    if (!(parts.length == 2 || aliases) || !LOWER_CODE.matcher(parts[1]).matches()) {
      problems.add(
          error(
              file,
              e,
              "unknown key "
                  + key
                  + ": a device is written device.CODE = Its name (and device.CODE.aliases ="
                  + " other spellings), the CODE in lower-case words joined by _"));
    } else if (aliases && !catalogue.devices().containsKey(parts[1])) {
      problems.add(
          error(
              file,
              e,
              key
                  + " names no device: add device."
                  + parts[1]
                  + " = Its name"
                  + RuleLint.didYouMean(parts[1], catalogue.devices().keySet())));
    }
  }

  /** how.KIND for any device, how.KIND.DEVICE for one. */
  private static void howKey(
      String file, Entry e, String[] parts, Catalogue catalogue, List<RuleLint.Problem> problems) {
    String key = e.key();
    if (parts.length == 3 && !catalogue.devices().containsKey(parts[2])) {
      problems.add(
          error(
              file,
              e,
              "unknown key "
                  + key
                  + ": there is no device "
                  + parts[2]
                  + RuleLint.didYouMean(parts[2], catalogue.devices().keySet())
                  + "; the devices are "
                  + String.join(", ", catalogue.devices().keySet())));
    } else if (parts.length == 3 && catalogue.text(Catalogue.HOW_PREFIX + parts[1]) == null) {
      problems.add(
          error(
              file,
              e,
              key
                  + " has no how."
                  + parts[1]
                  + " for the other devices: add it, the words for any device"));
    } else if (parts.length < 2 || parts.length > 3) {
      problems.add(
          error(
              file,
              e,
              "unknown key "
                  + key
                  + ": steps are written how.KIND (any device) or how.KIND.DEVICE"));
    }
  }
}
