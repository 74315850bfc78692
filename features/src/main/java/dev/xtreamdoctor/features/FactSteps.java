package dev.xtreamdoctor.features;

import static dev.xtreamdoctor.features.FactSheet.where;

import dev.xtreamdoctor.engine.watch.CheckRecord;
import dev.xtreamdoctor.engine.watch.HistoryJson;
import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Given-steps that build facts, as a probe run or a helpdesk tool would hand them in. Each step
 * changes the facts in one plain way; the generic table steps reach any field of rules/FACTS.md.
 */
public class FactSteps {
  private final World world;

  public FactSteps(World world) {
    this.world = world;
  }

  private static final long DAY = 86_400L;

  private FactSheet facts() {
    return world.facts();
  }

  // ---- starting points --------------------------------------------------------------------

  @Given("the facts of a working login")
  public void aWorkingLogin() {
    facts().loadExample("healthy");
  }

  @Given("the facts of the example {string}")
  public void theExample(String name) {
    facts().loadExample(name);
  }

  @Given("only these facts:")
  public void onlyTheseFacts(String json) {
    facts().clear();
    facts().addJson(json);
  }

  // ---- a watch over time -----------------------------------------------------------------

  /** A watch's history as {@code watch --history} writes it: one JSON line per check. */
  @Given("the watch history:")
  public void theWatchHistory(String jsonLines) {
    try {
      facts()
          .addHistory(
              HistoryJson.read(
                  "the watch history",
                  new java.io.ByteArrayInputStream(
                      jsonLines.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    } catch (HistoryJson.HistoryException | java.io.IOException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /**
   * A watch's checks as a table: {@code time} ({@code 2026-03-02 19:00}, or with an offset {@code
   * 2026-03-02 19:00 +01:00}; UTC without one), {@code category}, {@code cause}, and any of {@code
   * layer}, {@code dnsSystemMs}, {@code connectMs}, {@code tlsMs}, {@code loginMs}, {@code status},
   * {@code expDate}. A row with {@code every} and {@code until} stands for a check every so many
   * minutes up to that time.
   */
  @Given("a watch of these checks:")
  public void aWatchOfTheseChecks(DataTable table) {
    List<CheckRecord> checks = new java.util.ArrayList<>();
    for (Map<String, String> row : table.asMaps()) {
      checks.addAll(WatchRows.checks(row));
    }
    facts().addHistory(checks);
  }

  // ---- any fact, any field ----------------------------------------------------------------

  @Given("the {word} fact has:")
  public void theFactHas(String type, DataTable fields) {
    facts().set(type, fields.asMap());
  }

  @Given("the {word} resolver's answer has:")
  public void theResolversAnswerHas(String role, DataTable fields) {
    facts().set("DnsAnswer", where("resolverRole", role), fields.asMap());
  }

  @Given("there is also a(n) {word} fact:")
  public void thereIsAlso(String type, DataTable fields) {
    facts().add(type, fields.asMap());
  }

  @Given("there is no {word} fact")
  public void thereIsNo(String type) {
    facts().remove(type);
  }

  // ---- the login answer and the account ---------------------------------------------------

  @Given("the login answer says auth {int}")
  public void authIs(int auth) {
    facts()
        .set(
            "LoginAnswer",
            auth == 1
                ? Map.of("auth", "1", "outcome", "panel.login_ok")
                : Map.of(
                    "auth",
                    String.valueOf(auth),
                    "outcome",
                    "panel.auth_rejected",
                    "status",
                    "",
                    "expDate",
                    "0",
                    "serverTime",
                    "0"));
  }

  @Given("the login answer says status {string}")
  public void statusIs(String status) {
    facts().set("LoginAnswer", Map.of("status", status));
  }

  @Given("the line expired {int} days before the server's clock")
  public void expiredDaysAgo(int days) {
    long now = Long.parseLong(facts().get("LoginAnswer", "serverTime"));
    facts().set("LoginAnswer", Map.of("expDate", String.valueOf(now - days * DAY)));
  }

  @Given("the line ends {int} hours after the server's clock")
  public void endsInHours(int hours) {
    long now = Long.parseLong(facts().get("LoginAnswer", "serverTime"));
    facts().set("LoginAnswer", Map.of("expDate", String.valueOf(now + hours * 3600L)));
  }

  @Given("the line is a trial")
  public void trial() {
    facts().set("LoginAnswer", Map.of("trial", "true"));
  }

  @Given("the line has {int} of {int} connections in use")
  public void connections(int active, int max) {
    facts()
        .set(
            "LoginAnswer",
            Map.of(
                "activeConnections",
                String.valueOf(active),
                "maxConnections",
                String.valueOf(max)));
  }

  // ---- what the user reports --------------------------------------------------------------

  @Given("the user says the login works on mobile data")
  public void worksOnMobileData() {
    facts().set("ReportedSymptoms", Map.of("worksOnMobileData", "yes"));
  }

  @Given("the user says the login works through a VPN")
  public void worksOnVpn() {
    facts().set("ReportedSymptoms", Map.of("worksOnVpn", "yes"));
  }

  @Given("the user says the login works on another device")
  public void worksOnOtherDevice() {
    facts().set("ReportedSymptoms", Map.of("worksOnOtherDevice", "yes"));
  }

  @Given("the user says it fails mostly at peak hours")
  public void failsAtPeakHours() {
    facts().set("ReportedSymptoms", Map.of("failsAtPeakHours", "yes"));
  }

  /** "Authorization Failed" is stored as authorization_failed. */
  @Given("the app shows {string}")
  public void theAppShows(String message) {
    facts()
        .set(
            "ReportedSymptoms",
            Map.of("appMessage", message.strip().toLowerCase(Locale.ROOT).replace(' ', '_')));
  }

  @Given("the failing device is a(n) {word}")
  public void theDevice(String device) {
    facts().set("ReportedSymptoms", Map.of("device", device));
  }

  @Given("the check ran from a remote vantage")
  public void remoteVantage() {
    facts().set("ReportedSymptoms", Map.of("vantage", "remote"));
  }
}
