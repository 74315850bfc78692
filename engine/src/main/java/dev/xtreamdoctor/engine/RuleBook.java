package dev.xtreamdoctor.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.io.Resource;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * A compiled rule set: one KieBase (thread-safe, shared by every diagnosis) and its catalogue.
 * Built whole or refused whole: a rule set with any error never loads.
 */
public final class RuleBook {
  /** The package every rule file declares; files are placed under it so Drools stays quiet. */
  public static final String RULES_PACKAGE = "dev.xtreamdoctor.rules";

  private static final String SOURCE_DIR =
      "src/main/resources/" + RULES_PACKAGE.replace('.', '/') + "/";
  private static final AtomicLong BUILDS = new AtomicLong();

  private final KieBase kieBase;
  private volatile KieSessionsPool sessions;
  private final Catalogue catalogue;

  /** Language tag to its words over English, English included. */
  private final Map<String, Catalogue> languages;

  private final RuleFiles files;
  private volatile RuleSource source;
  private volatile PageSignals pageSignals;

  private RuleBook(KieBase kieBase, Catalogue catalogue, RuleFiles files) throws RulesException {
    this.kieBase = kieBase;
    this.catalogue = catalogue;
    this.languages = readLanguages(files, catalogue);
    this.files = files;
  }

  /** Compiles the bundled rules. */
  public static RuleBook bundled() throws RulesException {
    return compile(RuleFiles.bundled());
  }

  /** Compiles the rules in a directory. */
  public static RuleBook fromDirectory(java.nio.file.Path dir) throws RulesException {
    return compile(RuleFiles.fromDirectory(dir));
  }

  /**
   * Compiles a rule set and refuses it whole unless it passes every check {@code rules check} makes
   * that can refuse it (see {@link RuleCheck}): the files' shape, compiling, lint errors, and a
   * smoke evaluation of every bundled example under the default {@link RuleLimits}. The bundled
   * rules, which the build checks, are only compiled.
   */
  public static RuleBook compile(RuleFiles files) throws RulesException {
    return compile(files, RuleLimits.defaults());
  }

  /** {@link #compile(RuleFiles)}, with the smoke evaluation under these limits. */
  public static RuleBook compile(RuleFiles files, RuleLimits limits) throws RulesException {
    if (files.isBundled()) {
      return build(files);
    }
    RuleCheck.Report report = RuleCheck.run(files, limits);
    if (!report.errors().isEmpty()) {
      throw new RulesException(report.errors());
    }
    return report.book().orElseThrow();
  }

  /** Compiles a rule set without lint or smoke evaluation: Drools' errors only. */
  static RuleBook build(RuleFiles files) throws RulesException {
    return build(files, RuleStructure.check(files));
  }

  static RuleBook build(RuleFiles files, RuleStructure.Found structure) throws RulesException {
    Catalogue catalogue = readCatalogue(files);
    if (structure.tooDeep()) {
      // Drools' parser would overflow its stack on these files: do not hand them over.
      throw new RulesException(structure.problems());
    }
    KieServices ks = KieServices.Factory.get();
    KieFileSystem kfs = ks.newKieFileSystem();
    // A new release id per build, so a reload never overwrites the set in use.
    ReleaseId id = ks.newReleaseId("dev.xtreamdoctor", "rules", "1.0." + BUILDS.incrementAndGet());
    kfs.generateAndWritePomXML(id);
    for (Map.Entry<String, String> f : files.files().entrySet()) {
      if (!RuleFiles.isDroolsFile(f.getKey())) {
        continue;
      }
      Resource r =
          ks.getResources()
              .newByteArrayResource(f.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      r.setSourcePath(SOURCE_DIR + f.getKey());
      kfs.write(SOURCE_DIR + f.getKey(), r);
    }
    KieBuilder builder;
    try {
      builder = ks.newKieBuilder(kfs).buildAll();
    } catch (StackOverflowError e) {
      throw new RulesException(
          files.origin(),
          "the rules are nested too deeply for Drools to read them (its parser ran out of stack)");
    }
    List<RuleProblem> problems =
        new ArrayList<>(
            RuleMessages.problems(
                files, builder.getResults().getMessages(Message.Level.ERROR), structure));
    if (problems.isEmpty() && builder.getResults().hasMessages(Message.Level.ERROR)) {
      problems.add(new RuleProblem(files.origin(), 0, 0, "the rules do not compile"));
    }
    if (!problems.isEmpty()) {
      throw new RulesException(problems);
    }
    KieBase kieBase = ks.newKieContainer(id).getKieBase();
    return new RuleBook(kieBase, catalogue, files);
  }

  /** A rule book around a KieBase built elsewhere from these files (see {@link RuleBookCache}). */
  static RuleBook of(KieBase kieBase, RuleFiles files) throws RulesException {
    return new RuleBook(kieBase, readCatalogue(files), files);
  }

  private static Catalogue readCatalogue(RuleFiles files) throws RulesException {
    String text = files.files().get(RuleFiles.CATALOGUE);
    if (text == null) {
      throw new RulesException(
          files.displayName(RuleFiles.CATALOGUE), "the catalogue of texts is missing");
    }
    try {
      return Catalogue.parse(text);
    } catch (IllegalArgumentException e) {
      throw new RulesException(files.displayName(RuleFiles.CATALOGUE), e.getMessage());
    }
  }

  /** Every catalogue_LANG.properties, each over the English words; English first. */
  private static Map<String, Catalogue> readLanguages(RuleFiles files, Catalogue english)
      throws RulesException {
    Map<String, Catalogue> out = new java.util.LinkedHashMap<>();
    out.put(Catalogue.ENGLISH, english);
    for (Map.Entry<String, String> f : new java.util.TreeMap<>(files.files()).entrySet()) {
      java.util.Optional<String> tag = Languages.ofFile(f.getKey());
      if (tag.isEmpty()) {
        continue;
      }
      try {
        out.put(tag.get(), Catalogue.parse(f.getValue(), tag.get()).over(english));
      } catch (IllegalArgumentException e) {
        throw new RulesException(files.displayName(f.getKey()), e.getMessage());
      }
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  /** The languages this rule set has words in (tags: en, es, pt-BR...), English first. */
  public java.util.Set<String> languages() {
    return languages.keySet();
  }

  /**
   * The words in this language (a tag of {@link #languages()}), English where a key is not
   * translated; English for a language the set has no words in.
   */
  public Catalogue catalogue(String language) {
    return languages.getOrDefault(language == null ? Catalogue.ENGLISH : language, catalogue);
  }

  public KieBase kieBase() {
    return kieBase;
  }

  /**
   * A session from this rule set's pool; {@code dispose()} resets it and hands it back. Reusing
   * sessions saves building the node memories of the whole rule network for every diagnosis.
   */
  KieSession pooledSession() {
    KieSessionsPool p = sessions;
    if (p == null) {
      synchronized (this) {
        if (sessions == null) {
          sessions = kieBase.newKieSessionsPool(1);
        }
        p = sessions;
      }
    }
    return p.newKieSession();
  }

  public Catalogue catalogue() {
    return catalogue;
  }

  public RuleFiles files() {
    return files;
  }

  /** The rules as written (names, files, lines), read on first use: for messages and lint. */
  public RuleSource source() {
    RuleSource known = source;
    if (known == null) {
      known = RuleSource.of(files);
      source = known;
    }
    return known;
  }

  /** What the HTTP probe looks for in web pages, from the set's {@value PageSignals#FILE}. */
  public PageSignals pageSignals() {
    PageSignals known = pageSignals;
    if (known == null) {
      known = PageSignals.of(files);
      pageSignals = known;
    }
    return known;
  }

  /** The rule set's version: a hash of its files. */
  public String fingerprint() {
    return files.fingerprint();
  }
}
