package dev.xtreamdoctor.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What the HTTP probe looks for in a web page a server answers with, as data support staff edit in
 * {@code rules/page-signals.txt}: a page that has one of a signal's words (or matches one of its
 * patterns) gets the signal's name on its {@code HttpResponse} fact ({@code signals}), and rules
 * decide what it means. So a new block page is taught to the doctor with one line, and tested with
 * a scenario, without Java.
 *
 * <pre>
 * block_page = has been blocked          the page contains these words (any case)
 * block_page ~ blocked (by|under) court  the page matches this regular expression (any case)
 * </pre>
 *
 * Only pages are searched (HTML or text), never a JSON answer, which holds the user's own data. A
 * pattern gets a bounded amount of work per page, so a careless one cannot stall a diagnosis.
 */
public final class PageSignals {
  /** The file in a rule set. */
  public static final String FILE = "page-signals.txt";

  private static final Pattern LINE = Pattern.compile("^\\s*([^\\s=~]+)\\s*([=~])\\s*(.*?)\\s*$");
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

  /** Steps one pattern may take over one page before it counts as no match. */
  static final long MAX_STEPS = 5_000_000;

  /**
   * One line of the file.
   *
   * @param signal the signal's name
   * @param words the lower-case words to find, or null for a pattern
   * @param pattern the pattern, or null for words
   * @param line the 1-based line it is on
   */
  public record Signature(String signal, String words, Pattern pattern, int line) {}

  private final List<Signature> signatures;
  private final List<RuleProblem> problems;

  private PageSignals(List<Signature> signatures, List<RuleProblem> problems) {
    this.signatures = List.copyOf(signatures);
    this.problems = List.copyOf(problems);
  }

  /** None: no page gets a signal from data. */
  public static PageSignals none() {
    return new PageSignals(List.of(), List.of());
  }

  /** The page signals of a rule set (none when it has no {@value #FILE}). */
  public static PageSignals of(RuleFiles files) {
    String text = files.files().get(FILE);
    return text == null ? none() : parse(text, files.displayName(FILE));
  }

  private static volatile PageSignals bundled;

  /** The bundled rules' page signals, read once. */
  public static PageSignals bundled() {
    PageSignals known = bundled;
    if (known == null) {
      try {
        known = of(RuleFiles.bundled());
      } catch (RulesException e) {
        known = none();
      }
      bundled = known;
    }
    return known;
  }

  /**
   * Reads the file; a line that cannot be used is left out and is one of {@link #problems()}
   * ({@code rules check} and every loader refuse a set with problems).
   */
  public static PageSignals parse(String text, String shownFile) {
    List<Signature> signatures = new ArrayList<>();
    List<RuleProblem> problems = new ArrayList<>();
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      String raw = lines.get(i);
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int col = raw.indexOf(line.charAt(0)) + 1;
      Matcher m = LINE.matcher(raw);
      if (!m.matches()) {
        problems.add(
            new RuleProblem(
                shownFile,
                i + 1,
                col,
                "this line is no page signal: write SIGNAL = words to find, or SIGNAL ~ a pattern (e.g. block_page = has been blocked)"));
        continue;
      }
      String name = m.group(1);
      if (!NAME.matcher(name).matches()) {
        problems.add(
            new RuleProblem(
                shownFile,
                i + 1,
                m.start(1) + 1,
                "the signal name "
                    + name
                    + " must be lower-case words joined by _ (e.g. block_page), as rules match it"));
        continue;
      }
      String what = m.group(3);
      int whatCol = m.start(3) + 1;
      if (what.isEmpty()) {
        problems.add(
            new RuleProblem(
                shownFile,
                i + 1,
                whatCol,
                "the signal " + name + " has nothing to look for after " + m.group(2)));
        continue;
      }
      if (m.group(2).equals("=")) {
        signatures.add(new Signature(name, what.toLowerCase(Locale.ROOT), null, i + 1));
        continue;
      }
      try {
        Pattern p = Pattern.compile(what, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        if (p.matcher("").find()) {
          problems.add(
              new RuleProblem(
                  shownFile,
                  i + 1,
                  whatCol,
                  "the pattern of "
                      + name
                      + " matches an empty page, so it would match every page: make it need some words"));
          continue;
        }
        signatures.add(new Signature(name, null, p, i + 1));
      } catch (PatternSyntaxException e) {
        int at = e.getIndex() >= 0 ? whatCol + e.getIndex() : whatCol;
        problems.add(
            new RuleProblem(
                shownFile,
                i + 1,
                at,
                "the pattern of "
                    + name
                    + " cannot be read: "
                    + e.getDescription()
                    + " (write SIGNAL = words to look for plain words)"));
      }
    }
    return new PageSignals(signatures, problems);
  }

  /** Lines that could not be used, as {@code file:line:col: message}. */
  public List<RuleProblem> problems() {
    return problems;
  }

  public List<Signature> signatures() {
    return signatures;
  }

  /** Every signal name the file defines. */
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>();
    signatures.forEach(s -> names.add(s.signal()));
    return names;
  }

  /** The signals a page has, each once, in the file's order. */
  public List<String> match(String page) {
    String lower = page.toLowerCase(Locale.ROOT);
    Set<String> found = new LinkedHashSet<>();
    for (Signature s : signatures) {
      if (found.contains(s.signal())) {
        continue;
      }
      boolean hit;
      if (s.words() != null) {
        hit = lower.contains(s.words());
      } else {
        try {
          hit = s.pattern().matcher(new Bounded(page, MAX_STEPS)).find();
        } catch (Bounded.TooLong e) {
          hit = false;
        }
      }
      if (hit) {
        found.add(s.signal());
      }
    }
    return List.copyOf(found);
  }

  /** A page that lets a pattern look at only so many characters: a bound on backtracking. */
  private static final class Bounded implements CharSequence {
    static final class TooLong extends RuntimeException {
      private static final long serialVersionUID = 1L;

      TooLong() {
        super("too many steps", null, false, false);
      }
    }

    private final CharSequence text;
    private final long[] budget;

    Bounded(CharSequence text, long steps) {
      this(text, new long[] {steps});
    }

    private Bounded(CharSequence text, long[] budget) {
      this.text = text;
      this.budget = budget;
    }

    @Override
    public char charAt(int index) {
      if (--budget[0] < 0) {
        throw new TooLong();
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new Bounded(text.subSequence(start, end), budget);
    }

    @Override
    public String toString() {
      return text.toString();
    }
  }
}
