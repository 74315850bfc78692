package dev.xtreamdoctor.api;

import dev.xtreamdoctor.engine.Catalogue;
import dev.xtreamdoctor.engine.Devices;
import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.Languages;
import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.RuleFiles;
import dev.xtreamdoctor.engine.RuleLimits;
import dev.xtreamdoctor.engine.RulesException;
import dev.xtreamdoctor.engine.RulesFailedException;
import dev.xtreamdoctor.engine.config.DoctorConfig;
import dev.xtreamdoctor.engine.facts.Fact;
import dev.xtreamdoctor.engine.facts.ReportedSymptoms;
import dev.xtreamdoctor.engine.facts.Settings;
import dev.xtreamdoctor.probes.BadServerInputException;
import dev.xtreamdoctor.probes.Diagnoser;
import dev.xtreamdoctor.probes.ProbeSettings;
import dev.xtreamdoctor.probes.TargetPolicy;
import dev.xtreamdoctor.probes.TargetRefusedException;
import dev.xtreamdoctor.probes.TlsTrust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * xtream-doctor as a library: diagnose a login against the real panel, or evaluate facts you
 * already have, and get the {@link Diagnosis} value back (render it with the engine's {@code
 * render} package). Made with {@link #builder()}; one instance serves any number of threads at once
 * and should be shared. It logs through {@link System.Logger} only, so it binds no logging
 * framework in its host.
 *
 * <pre>{@code
 * XtreamDoctor doctor = XtreamDoctor.builder().bundledRules().build();
 * Diagnosis d = doctor.diagnose(
 *     DiagnosisRequest.forServer("http://panel.example.com:8080")
 *         .username("alice").password(passwordChars).build());
 * }</pre>
 */
public final class XtreamDoctor implements AutoCloseable {
  private final LiveRules rules;
  private final ProbeSettings probeSettings;
  private final TargetPolicy policy;
  private final TlsTrust trust;
  private final Executor executor;
  private final Clock clock;
  private final RuleLimits limits;

  private XtreamDoctor(Builder b, LiveRules rules) {
    this.limits = b.limits;
    this.rules = rules;
    this.probeSettings = b.probeSettings;
    this.policy = b.policy;
    this.trust = b.trust;
    this.executor = b.executor;
    this.clock = b.clock;
  }

  /** A builder with the bundled rules, the default configuration and no target restrictions. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs every probe against the server in the request and judges what they saw.
   *
   * @throws BadServerInputException when the server text cannot be a server address at all
   * @throws TargetRefusedException when the target policy refused the server (nothing was sent to
   *     it); its {@code reason()} says why
   * @throws IllegalArgumentException when the reported app message is not one of {@link
   *     #appMessages()}, the device not one of {@link #devices()}, or the language not one of
   *     {@link #languages()}
   * @throws RulesFailedException when the rules could not finish on what the probes saw
   */
  public Diagnosis diagnose(DiagnosisRequest request)
      throws BadServerInputException, TargetRefusedException {
    String language = language(request.language().orElse(null));
    return evaluate(observe(request), language);
  }

  /**
   * Runs every probe against the server in the request and returns what they observed, not yet
   * judged: {@code diagnose(r)} is {@code evaluate(observe(r))}. For callers that keep observations
   * (a cache) or judge them again with other reported symptoms.
   *
   * @throws BadServerInputException when the server text cannot be a server address at all
   * @throws TargetRefusedException when the target policy refused the server
   */
  public List<Fact> observe(DiagnosisRequest request)
      throws BadServerInputException, TargetRefusedException {
    Objects.requireNonNull(request, "request");
    if (policy instanceof TargetGuard guard) {
      Optional<String> malformed = guard.malformed(request.server());
      if (malformed.isPresent()) { // a typo (or worse) in the text, not a target the policy refuses
        String m = malformed.get();
        throw new BadServerInputException(
            Character.toUpperCase(m.charAt(0)) + m.substring(1) + ".");
      }
      Optional<String> refusal = guard.inputRefusal(request.server());
      if (refusal.isPresent()) {
        throw new TargetRefusedException("the server address", refusal.get());
      }
    }
    RuleBook book = rules.engine().ruleBook();
    Optional<String> unknown =
        request
            .symptoms()
            .map(ReportedSymptoms::appMessage)
            .filter(m -> !m.isEmpty() && !book.catalogue().appMessages().containsKey(m));
    if (unknown.isPresent()) {
      throw new IllegalArgumentException(
          "unknown app message \""
              + unknown.get()
              + "\"; the rules list "
              + String.join(", ", book.catalogue().appMessages().keySet()));
    }
    Devices devices = Devices.of(book.catalogue());
    Optional<String> device =
        request.symptoms().map(ReportedSymptoms::device).filter(d -> !d.isEmpty());
    if (device.isPresent() && !devices.codes().contains(device.get())) {
      throw new IllegalArgumentException("device: " + devices.refusal(device.get(), false));
    }
    language(request.language().orElse(null));
    return new Diagnoser(probeSettings, trust, policy)
        .withPageSignals(book.pageSignals())
        .runOrRefuse(request.toProbeRequest())
        .facts();
  }

  /** The longest one diagnosis takes ({@code doctor.timeout.total-ms}). */
  public Duration diagnosisTimeout() {
    return Duration.ofMillis(probeSettings.totalMs());
  }

  /** How far one evaluation of the rules may go (firings, deadline). */
  public RuleLimits ruleLimits() {
    return limits;
  }

  /** {@link #diagnose} on the builder's executor. */
  public CompletableFuture<Diagnosis> diagnoseAsync(DiagnosisRequest request) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return diagnose(request);
          } catch (BadServerInputException | TargetRefusedException e) {
            throw new CompletionException(e);
          }
        },
        executor);
  }

  /**
   * Judges facts observed elsewhere (e.g. read with the engine's {@code FactsJson}).
   *
   * @throws RulesFailedException when the rules could not finish on these facts (a rule kept
   *     firing, the deadline passed, a then part threw): only this evaluation failed
   */
  public Diagnosis evaluate(List<? extends Fact> facts) {
    return rules.engine().evaluate(List.copyOf(facts));
  }

  /**
   * {@link #evaluate(List)}, its words in this language (one of {@link #languages()}; render it
   * with {@link #words(String)}).
   *
   * @throws IllegalArgumentException when the rules have no words in that language
   */
  public Diagnosis evaluate(List<? extends Fact> facts, String language) {
    return rules.engine().evaluate(List.copyOf(facts), null, language(language));
  }

  /**
   * The languages the rules in use have words in (tags: {@code en}, {@code es}, {@code pt-BR}...),
   * English first: one {@code catalogue_LANG.properties} each.
   */
  public java.util.Set<String> languages() {
    return rules.engine().ruleBook().languages();
  }

  /**
   * The language of {@link #languages()} that serves what was asked ({@code es-MX} is {@code es},
   * {@code pt_BR.UTF-8} is {@code pt-BR}); English for null or empty.
   *
   * @throws IllegalArgumentException when the rules have no words in that language
   */
  public String language(String asked) {
    if (asked == null || asked.isBlank()) {
      return Catalogue.ENGLISH;
    }
    return Languages.match(asked, languages())
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "no words in \""
                        + asked.strip()
                        + "\"; the rules have "
                        + String.join(", ", languages())));
  }

  /** The words of the rules in use in a language, for the renderers' own words (headings). */
  public Catalogue words(String language) {
    return rules.engine().ruleBook().catalogue(language(language));
  }

  /**
   * The devices a user may name, as the rules in use list them ({@code device.CODE = Name} in their
   * catalogue.properties): code, as {@link ReportedSymptoms#device()} takes it, to its name in
   * English, in the catalogue's order.
   */
  public Map<String, String> devices() {
    return rules.engine().ruleBook().catalogue().devices();
  }

  /**
   * What an app may show when the login fails, as the rules in use list it ({@code app.CODE =
   * Words} in their catalogue.properties): code, as {@link ReportedSymptoms#appMessage()} takes it,
   * to the words on the screen, in the catalogue's order. A new one is a line there, no Java.
   */
  public Map<String, String> appMessages() {
    return rules.engine().ruleBook().catalogue().appMessages();
  }

  /** The rule set in use, when it was loaded, and the last refused reload if any. */
  public RulesStatus rules() {
    return rules.status();
  }

  /**
   * Reloads the rules directory now (with the builder's {@link RulesCheck}); the bundled rules
   * never change.
   *
   * @return true when the directory's rules are in use, false when they were refused (see {@link
   *     #rules()})
   */
  public boolean reloadRules() {
    return rules.reload();
  }

  /** The clock this instance stamps times with. */
  public Clock clock() {
    return clock;
  }

  /** Stops watching the rules directory. */
  @Override
  public void close() {
    rules.close();
  }

  /** Configures an {@link XtreamDoctor}; not thread-safe, the instance it builds is. */
  public static final class Builder {
    private Optional<Path> rulesDirectory = Optional.empty();
    private ProbeSettings probeSettings = ProbeSettings.defaults();
    private Settings settings = Settings.defaults();
    private RuleLimits limits = RuleLimits.defaults();
    private TargetPolicy policy = TargetPolicy.any();
    private TlsTrust trust = TlsTrust.system();
    private Executor executor = ForkJoinPool.commonPool();
    private Clock clock = Clock.systemUTC();
    private RulesCheck check = RulesCheck.compilesOnly();
    private Optional<Duration> watch = Optional.empty();
    private RulesListener listener = RulesListener.none();
    private RuleBook compiled;

    private Builder() {}

    /** The rules shipped inside the jar (the default). */
    public Builder bundledRules() {
      this.rulesDirectory = Optional.empty();
      return this;
    }

    /** Rules compiled already (e.g. shared by several instances); not reloaded. */
    public Builder ruleBook(RuleBook book) {
      this.compiled = Objects.requireNonNull(book);
      this.rulesDirectory = Optional.empty();
      return this;
    }

    /** The rules in this directory (*.drl and catalogue.properties). */
    public Builder rulesDirectory(Path dir) {
      this.rulesDirectory = Optional.of(dir);
      this.compiled = null;
      return this;
    }

    /**
     * The {@code doctor.*} configuration: timeouts, resolvers, thresholds and the rules directory
     * ({@code doctor.rules.dir}) when one is set.
     */
    public Builder configuration(DoctorConfig config) {
      this.probeSettings = ProbeSettings.from(config);
      this.settings = config.settings();
      this.limits = config.limits();
      config.rules().dir().ifPresent(this::rulesDirectory);
      return this;
    }

    /**
     * How far one evaluation of the rules may go (firings, deadline), when not taken from a
     * configuration; past them it fails with a {@link RulesFailedException} naming the rule.
     */
    public Builder ruleLimits(RuleLimits value) {
      this.limits = Objects.requireNonNull(value);
      return this;
    }

    /** The probes' settings, when not taken from a configuration. */
    public Builder probeSettings(ProbeSettings value) {
      this.probeSettings = Objects.requireNonNull(value);
      return this;
    }

    /** The thresholds the rules read, when not taken from a configuration. */
    public Builder settings(Settings value) {
      this.settings = Objects.requireNonNull(value);
      return this;
    }

    /**
     * Which panels may be contacted; a service open to others passes a {@link TargetGuard}. The
     * default contacts any address, as the command line does.
     */
    public Builder targetPolicy(TargetPolicy value) {
      this.policy = Objects.requireNonNull(value);
      return this;
    }

    /** Which certificates the TLS probe trusts (default: the JVM's, as a player app would). */
    public Builder trust(TlsTrust value) {
      this.trust = Objects.requireNonNull(value);
      return this;
    }

    /** Where {@link #diagnoseAsync} runs (default: the common pool). */
    public Builder executor(Executor value) {
      this.executor = Objects.requireNonNull(value);
      return this;
    }

    /** The clock for the times in {@link RulesStatus} (default: UTC system clock). */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value);
      return this;
    }

    /** What a reloaded rule set must pass before it is used (default: it compiles). */
    public Builder rulesCheck(RulesCheck value) {
      this.check = Objects.requireNonNull(value);
      return this;
    }

    /** Who is told of each reload that is applied or refused (default: no one). */
    public Builder rulesListener(RulesListener value) {
      this.listener = Objects.requireNonNull(value);
      return this;
    }

    /** Watch the rules directory and reload after {@code debounce} of quiet (off by default). */
    public Builder watchRules(Duration debounce) {
      this.watch = Optional.of(debounce);
      return this;
    }

    /**
     * Compiles the rules and, if asked, starts watching them.
     *
     * @throws RulesException when the first rule set does not compile or fails the check
     */
    public XtreamDoctor build() throws RulesException {
      RuleBook first =
          compiled != null
              ? compiled
              : rulesDirectory.isPresent()
                  ? RuleBook.compile(RuleFiles.fromDirectory(rulesDirectory.get()), limits)
                  : RuleBook.bundled();
      check.check(first);
      LiveRules live =
          new LiveRules(first, rulesDirectory, settings, limits, clock, check, listener);
      if (watch.isPresent()) {
        try {
          live.watch(watch.get());
        } catch (IOException e) {
          live.close();
          throw new UncheckedIOException(
              "cannot watch " + rulesDirectory.get() + ": " + e.getMessage(), e);
        }
      }
      return new XtreamDoctor(this, live);
    }
  }
}
