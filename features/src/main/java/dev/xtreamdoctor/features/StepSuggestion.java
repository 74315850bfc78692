package dev.xtreamdoctor.features;

import dev.xtreamdoctor.engine.FactModel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The known step closest to one that matches none, for a did-you-mean: a step is compared with each
 * step's pattern as written in the glue ({@code the category is {word}}), once as typed and once
 * with quoted values and parameters blanked, so "the login answer sayz status "Paused"" finds
 * {@code the login answer says status {string}}.
 */
final class StepSuggestion {
  private StepSuggestion() {}

  static Optional<String> nearest(String typed, List<String> patterns) {
    String t = typed.toLowerCase(Locale.ROOT).strip();
    String tBlank = t.replaceAll("\"[^\"]*\"", "\"\"").replaceAll("\\b\\d+\\b", "0");
    String best = null;
    int bestScore = Integer.MAX_VALUE;
    for (String pattern : patterns) {
      String p = pattern.toLowerCase(Locale.ROOT).replaceAll("^\\^|\\$$", "");
      String pBlank =
          p.replace("{string}", "\"\"")
              .replaceAll("\\{(int|long|float|double|biginteger|bigdecimal)}", "0")
              .replaceAll("\\{\\w*}", "x");
      String tWords = tBlank.replaceAll("(?<=\\s|^)[A-Za-z_0-9.-]+(?=\\s*$)", "x");
      int score =
          Math.min(distance(t, p), Math.min(distance(tBlank, pBlank), distance(tWords, pBlank)));
      if (score < bestScore) {
        bestScore = score;
        best = pattern;
      }
    }
    return best != null && bestScore <= Math.max(3, typed.length() / 4)
        ? Optional.of(best)
        : Optional.empty();
  }

  private static int distance(String a, String b) {
    return FactModel.distance(a, b);
  }
}
