package dev.xtreamdoctor.features;

import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.FactsJson;
import dev.xtreamdoctor.engine.facts.HttpResponse;
import dev.xtreamdoctor.engine.facts.PanelRequests;
import dev.xtreamdoctor.engine.facts.ReportedSymptoms;
import dev.xtreamdoctor.engine.render.Format;
import dev.xtreamdoctor.engine.render.TextStyle;
import dev.xtreamdoctor.probes.BadServerInputException;
import dev.xtreamdoctor.probes.Diagnoser;
import dev.xtreamdoctor.probes.DiagnosisRun;
import dev.xtreamdoctor.probes.ProbeRequest;
import dev.xtreamdoctor.probes.ProbeSettings;
import dev.xtreamdoctor.probes.Secret;
import dev.xtreamdoctor.probes.TlsTrust;
import dev.xtreamdoctor.simulator.PanelFamily;
import dev.xtreamdoctor.simulator.RecordedRequest;
import dev.xtreamdoctor.simulator.Simulation;
import dev.xtreamdoctor.simulator.TlsIdentity;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import jakarta.json.spi.JsonProvider;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * End-to-end steps: a simulated panel and network on loopback (the simulator), a real diagnosis of
 * it (the probes, then the rules), and checks of what the panel saw and what the doctor printed.
 * The diagnosis lands in {@link World}, so the facts-level Then-steps ("the category is ...") check
 * it too.
 */
public class EndToEndSteps {
  private final World world;
  private final ScenarioRules rules;

  public EndToEndSteps(World world, ScenarioRules rules) {
    this.world = world;
    this.rules = rules;
  }

  /** Shared: every {@code Json.create...} call looks the JSON provider up again (~50 µs). */
  private static final JsonProvider JSON = JsonProvider.provider();

  /** Short limits: everything is on loopback; a hanging panel costs one read timeout. */
  static final int CONNECT_MS = 500;

  static final int READ_MS = 1500;
  static final int TOTAL_MS = 6000;
  static final int REQUEST_BUDGET = 6;

  private SimulatedLine line;

  private SimulatedLine line() {
    if (line == null) {
      throw new IllegalStateException("no panel yet: start with 'Given a XC2 panel with ...'");
    }
    return line;
  }

  // ---- Given ------------------------------------------------------------------------------

  @Given("^an? (XC2|XUI) panel with (.+?) and (.+)$")
  public void aPanel(String family, String account, String fault) {
    line = SimulatedLine.of(PanelFamily.valueOf(family), account, fault);
  }

  @Given("the user types a wrong password")
  public void wrongPassword() {
    line().typedPassword = "sim-Pass-4812";
  }

  @Given("the user types the username with a capital first letter")
  public void capitalUsername() {
    line().typedUsername = "Demo";
  }

  @Given("the user pastes the username with a trailing space")
  public void usernameWithSpace() {
    line().typedUsername = SimulatedLine.USERNAME + " ";
  }

  @Given("the user pastes the password with a trailing space")
  public void passwordWithSpace() {
    line().typedPassword = SimulatedLine.PASSWORD + " ";
  }

  @Given("the user leaves the username and password empty")
  public void blankCredentials() {
    line().typedUsername = "";
    line().typedPassword = "";
  }

  /**
   * The server field as typed: {@code {url}} is the simulated server URL, {@code {hostport}} its
   * host and port, {@code {port}} its port, {@code {space}} a space (table cells lose their own),
   * {@code {username}} and {@code {password}} the typed credentials.
   */
  @Given("the user types the server as {string}")
  public void serverTypedAs(String template) {
    line().serverTemplate = template;
  }

  /** The device trusts the simulator's certificate, as if the provider had a real one. */
  @Given("the device trusts the panel's certificate")
  public void trustsThePanel() {
    line().trustPanel = true;
  }

  @Given("the user gives the username and password only inside that link")
  public void credentialsOnlyInLink() {
    line().credentialsSeparately = false;
  }

  @Given("the user reports that the app said {string}")
  public void appSaid(String message) {
    symptoms(message, "", "");
  }

  @Given("the user reports that it fails mostly at peak hours")
  public void peakHours() {
    symptoms("", "yes", "");
  }

  @Given("the user reports that it works on mobile data")
  public void worksOnMobileData() {
    symptoms("", "", "yes");
  }

  private void symptoms(String message, String peak, String mobile) {
    ReportedSymptoms old =
        line().symptoms.orElse(new ReportedSymptoms("", "", "", "", "", "", "user_network"));
    line().symptoms =
        Optional.of(
            new ReportedSymptoms(
                message.isEmpty()
                    ? old.appMessage()
                    : message.toLowerCase(Locale.ROOT).replace(' ', '_'),
                old.device(),
                mobile.isEmpty() ? old.worksOnMobileData() : mobile,
                old.worksOnVpn(),
                old.worksOnOtherDevice(),
                peak.isEmpty() ? old.failsAtPeakHours() : peak,
                old.vantage()));
  }

  // ---- When -------------------------------------------------------------------------------

  @When("I diagnose with these details")
  public void diagnose() throws BadServerInputException {
    SimulatedLine l = line();
    try (Simulation sim = Simulation.start(l.spec.build())) {
      String server = l.typedServer(sim.serverUrl(), sim.host(), sim.urlPort());
      ProbeRequest request =
          new ProbeRequest(
              server,
              l.credentialsSeparately ? l.typedUsername : null,
              l.credentialsSeparately ? Secret.of(l.typedPassword) : null,
              l.symptoms);
      ProbeSettings settings =
          ProbeSettings.defaults()
              .withResolvers(List.of(sim.systemResolvers()), List.of(sim.publicResolvers()))
              .withTimeouts(CONNECT_MS, READ_MS, TOTAL_MS)
              .withLimits(1 << 20, REQUEST_BUDGET, 2)
              .withLoopbackOnly(true);
      TlsTrust trust = l.trustPanel ? trusting(TlsIdentity.SELF_SIGNED) : TlsTrust.system();
      DiagnosisRun run = new Diagnoser(settings, trust).runTimed(request);
      Diagnosis d = rules.evaluate(run.facts());
      world.diagnosed(d);
      l.wallMillis = run.wallMillis();
      l.panelRequests = sim.panel().requests();
      l.allRequests = sim.requests();
      l.peakConcurrentRequests = sim.panel().peakConcurrentRequests();
      l.outputs = new ArrayList<>();
      for (Format f : Format.values()) {
        l.outputs.add(f.renderer(TextStyle.PLAIN_UNICODE).render(d));
      }
      l.outputs.add(
          FactsJson.writeAll(run.facts().stream().map(f -> (Record) f).toList()).toString());
      l.outputs.add(String.valueOf(run.facts()));
      l.outputs.add(String.valueOf(request));
      l.outputs.add(sim.requests().toString());
    }
  }

  // ---- Then: what the panel saw -----------------------------------------------------------

  private List<RecordedRequest> logins() {
    return line().panelRequests.stream().filter(RecordedRequest::hadPassword).toList();
  }

  @Then("the panel saw exactly {int} login request(s)")
  public void panelSawLogins(int count) {
    expect(logins().size() == count, count + " login request(s)", seen());
  }

  @Then("the panel saw no login request")
  public void panelSawNoLogin() {
    panelSawLogins(0);
  }

  /** The politeness rules of reference §2.4: within budget, one at a time, at most 2 usernames. */
  @Then("the doctor was polite to the panel")
  public void polite() {
    List<RecordedRequest> seen = line().panelRequests;
    expect(seen.size() <= REQUEST_BUDGET, "at most " + REQUEST_BUDGET + " requests", seen());
    expect(
        line().peakConcurrentRequests <= 1,
        "never two requests at once",
        "at most " + line().peakConcurrentRequests + " at once; " + seen());
    Set<String> usernames = new LinkedHashSet<>();
    seen.stream().map(RecordedRequest::username).filter(u -> !u.isEmpty()).forEach(usernames::add);
    expect(usernames.size() <= 2, "at most 2 distinct usernames", usernames.toString());
    PanelRequests budget =
        world.diagnosis().facts().stream()
            .filter(PanelRequests.class::isInstance)
            .map(PanelRequests.class::cast)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no PanelRequests fact"));
    expect(
        budget.sent() >= seen.size(),
        "the PanelRequests fact to count every request the panel saw",
        budget + " vs " + seen());
  }

  @Then("the server the URL leads to saw {int} request(s) and the panel {int}")
  public void redirectorAndPanelSaw(int first, int panel) {
    int all = line().allRequests.size();
    int atPanel = line().panelRequests.size();
    expect(
        all - atPanel == first && atPanel == panel,
        first + " request(s) where the URL leads and " + panel + " at the panel",
        line().allRequests.toString());
  }

  /** Whatever the panel sends, the doctor keeps no more than its cap of it. */
  @Then("the doctor read no more than {int} KiB of any answer")
  public void readNoMoreThan(int kib) {
    for (var f : world.diagnosis().facts()) {
      if (f instanceof HttpResponse h) {
        expect(h.bodyBytes() <= kib * 1024L, "at most " + kib + " KiB read", h.toString());
      }
    }
  }

  /**
   * What {@code diagnose} exits with for this diagnosis: a fault (1) or no verdict (4), never 0.
   */
  @Then("the check does not exit 0")
  public void doesNotExitZero() {
    var d = world.diagnosis();
    expect(d.faultFound() || d.inconclusive(), "a fault or no verdict (exit 1 or 4)", d.category());
  }

  @Then("the diagnosis took less than {int} seconds")
  public void tookLessThan(int seconds) {
    expect(
        line().wallMillis < seconds * 1000L, "under " + seconds + " s", line().wallMillis + " ms");
  }

  // ---- Then: the password never shows -----------------------------------------------------

  @Then("the password appears in no output")
  public void passwordInNoOutput() {
    SimulatedLine l = line();
    Set<String> secrets = new LinkedHashSet<>();
    secrets.addAll(forms(l.typedPassword));
    secrets.addAll(forms(l.typedPassword.strip()));
    secrets.addAll(forms(SimulatedLine.PASSWORD));
    secrets.add(base64(l.typedUsername + ":" + l.typedPassword));
    secrets.removeIf(String::isBlank);
    for (String output : l.outputs) {
      for (String secret : secrets) {
        expect(!output.contains(secret), "no trace of the password (" + secret + ")", output);
      }
    }
  }

  /** Raw, URL-encoded (both space styles), JSON-escaped and base64. */
  static List<String> forms(String password) {
    if (password.isEmpty()) {
      return List.of();
    }
    String url = URLEncoder.encode(password, StandardCharsets.UTF_8);
    String json = JSON.createValue(password).toString();
    return List.of(
        password,
        url,
        url.replace("+", "%20"),
        json.substring(1, json.length() - 1),
        base64(password));
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  /** A trust store holding just this simulator identity's certificate. */
  private static TlsTrust trusting(TlsIdentity identity) {
    try {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      store.setCertificateEntry("panel", identity.certificate());
      return TlsTrust.trusting(store);
    } catch (java.security.GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot trust the simulator's certificate", e);
    }
  }

  private String seen() {
    return "the panel saw " + line().panelRequests.size() + ": " + line().panelRequests;
  }

  private static void expect(boolean ok, String expected, String actual) {
    if (!ok) {
      throw new AssertionError("expected " + expected + "\n  but: " + actual);
    }
  }
}
