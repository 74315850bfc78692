package dev.xtreamdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** rules/DSL.md documents every sentence of rules/support.dsl, so support staff can trust it. */
class DslDocTest {
  private static final Path RULES = Path.of("..", "rules");
  private static final Pattern ENTRY = Pattern.compile("(?m)^\\[(?:when|then)]([^=]+)=");
  private static final Pattern PART = Pattern.compile("\\{\\w+}");

  @Test
  void everySentenceIsDocumented() throws IOException {
    String dsl = Files.readString(RULES.resolve("support.dsl"), StandardCharsets.UTF_8);
    String doc = Files.readString(RULES.resolve("DSL.md"), StandardCharsets.UTF_8);
    List<String> missing = new ArrayList<>();
    Matcher m = ENTRY.matcher(dsl);
    while (m.find()) {
      String sentence = m.group(1).strip();
      // In DSL.md a {part} is written in capitals: {cause} is CAUSE.
      StringBuilder regex = new StringBuilder("`");
      int at = 0;
      Matcher p = PART.matcher(sentence);
      while (p.find()) {
        regex.append(Pattern.quote(sentence.substring(at, p.start()))).append("[A-Z_]+");
        at = p.end();
      }
      regex.append(Pattern.quote(sentence.substring(at))).append("`");
      if (!Pattern.compile(regex.toString()).matcher(doc).find()) {
        missing.add(sentence);
      }
    }
    assertEquals(List.of(), missing, "sentences of support.dsl missing from DSL.md");
  }
}
