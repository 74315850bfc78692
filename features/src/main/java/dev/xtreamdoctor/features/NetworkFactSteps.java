package dev.xtreamdoctor.features;

import static dev.xtreamdoctor.features.FactSheet.where;

import io.cucumber.java.en.Given;
import java.util.Map;

/** Given-steps for what was typed and what DNS, TCP and TLS saw. */
public class NetworkFactSteps {
  private final World world;

  public NetworkFactSteps(World world) {
    this.world = world;
  }

  private FactSheet facts() {
    return world.facts();
  }

  // ---- what was typed ---------------------------------------------------------------------

  @Given("the server field holds the {word} link {string}")
  public void theServerFieldHoldsALink(String form, String typed) {
    facts().set("ServerInput", Map.of("typed", typed, "pastedForm", form));
  }

  @Given("the server URL was typed as {string} without a scheme")
  public void typedWithoutScheme(String typed) {
    facts().set("ServerInput", Map.of("typed", typed, "schemeGiven", "false"));
  }

  @Given("the server URL was typed as {string} with port {int}")
  public void typedWithPort(String typed, int port) {
    facts()
        .set("ServerInput", Map.of("typed", typed, "port", String.valueOf(port), "baseUrl", typed));
    facts().set("TcpConnect", Map.of("port", String.valueOf(port)));
  }

  @Given("the server URL was typed as {string} with https")
  public void typedWithHttps(String typed) {
    facts().set("ServerInput", Map.of("typed", typed, "scheme", "https", "baseUrl", typed));
  }

  @Given("the server URL was typed as {string}, which is no valid host name")
  public void typedMalformed(String typed) {
    facts()
        .set(
            "ServerInput",
            Map.of(
                "typed",
                typed,
                "outcome",
                "input.host_malformed",
                "hostKind",
                "invalid",
                "baseUrl",
                ""));
  }

  @Given("the {word} is blank")
  public void blank(String field) {
    facts().set("CredentialInput", where("field", field), Map.of("blank", "true", "length", "0"));
  }

  @Given("the {word} has a space before or after it")
  public void outerSpaces(String field) {
    facts().set("CredentialInput", where("field", field), Map.of("outerSpaces", "true"));
  }

  @Given("the {word} mixes upper- and lower-case letters")
  public void mixedCase(String field) {
    facts()
        .set(
            "CredentialInput",
            where("field", field),
            Map.of("mixedCase", "true", "caseShape", "mixed"));
  }

  @Given("the {word} is cased {string}")
  public void caseShape(String field, String shape) {
    boolean mixed = shape.equals("capitalised") || shape.equals("mixed");
    facts()
        .set(
            "CredentialInput",
            where("field", field),
            Map.of("mixedCase", String.valueOf(mixed), "caseShape", shape));
  }

  // ---- DNS --------------------------------------------------------------------------------

  /**
   * NXDOMAIN, SERVFAIL, REFUSED, NODATA (the name, but no address), or "nothing" (no answer in
   * time).
   */
  @Given("the {word} resolver answers {word}")
  public void theResolverAnswers(String role, String answer) {
    facts().set("DnsAnswer", where("resolverRole", role), dnsFailure(answer));
  }

  @Given("every resolver answers {word}")
  public void everyResolverAnswers(String answer) {
    facts().set("DnsAnswer", dnsFailure(answer));
  }

  @Given("the {word} resolver answers the address {string} \\({word})")
  public void theResolverAnswersTheAddress(String role, String address, String kind) {
    facts()
        .set(
            "DnsAnswer",
            where("resolverRole", role),
            Map.of(
                "outcome",
                "dns.answered",
                "rcode",
                "NOERROR",
                "addresses",
                address,
                "addressKinds",
                kind));
  }

  private static Map<String, String> dnsFailure(String answer) {
    String outcome =
        switch (answer) {
          case "NXDOMAIN" -> "dns.name_not_resolved";
          case "SERVFAIL" -> "dns.failed";
          case "REFUSED" -> "dns.refused";
          case "nothing" -> "dns.timed_out";
          case "NODATA" -> "dns.no_data";
          default ->
              throw new IllegalArgumentException(
                  "unknown DNS answer "
                      + answer
                      + " (NXDOMAIN, SERVFAIL, REFUSED, NODATA, nothing)");
        };
    String rcode = answer.equals("nothing") ? "" : answer.equals("NODATA") ? "NOERROR" : answer;
    return Map.of("outcome", outcome, "rcode", rcode, "addresses", "", "addressKinds", "");
  }

  // ---- TCP --------------------------------------------------------------------------------

  /** refused, timed_out, unreachable: no HTTP exchange and no login answer follow. */
  @Given("the connection to the panel's port is {word}")
  public void theConnectionIs(String outcome) {
    facts().set("TcpConnect", Map.of("outcome", "tcp." + outcome));
    facts().remove("HttpResponse");
    facts().remove("LoginAnswer");
  }

  @Given("the panel went silent after answering")
  public void silentAfterAnswering() {
    facts()
        .add(
            "TcpConnect",
            Map.of(
                "address", facts().get("TcpConnect", "address"),
                "port", facts().get("TcpConnect", "port"),
                "resolverRole", "system",
                "outcome", "tcp.timed_out",
                "stage", "after_login",
                "millis", "5000"));
  }

  @Given("the doctor stopped probing because the panel went silent after {int} requests")
  public void probingStopped(int sent) {
    facts()
        .set(
            "PanelRequests",
            Map.of(
                "sent",
                String.valueOf(sent),
                "stoppedEarly",
                "true",
                "stopReason",
                "panel_went_silent"));
  }

  @Given("the TLS handshake finds plain HTTP on the port")
  public void plainHttpOnTlsPort() {
    facts()
        .add(
            "TlsHandshake",
            Map.of(
                "address",
                facts().get("TcpConnect", "address"),
                "port",
                facts().get("TcpConnect", "port"),
                "outcome",
                "tls.protocol_mismatch",
                "millis",
                "45"));
    facts().remove("HttpResponse");
    facts().remove("LoginAnswer");
  }

  /**
   * tls.cert.expired, tls.cert.untrusted, tls.cert.name_mismatch, tls.failed...: no HTTP follows.
   */
  @Given("the TLS handshake fails with {word}: {string}")
  public void tlsFails(String outcome, String detail) {
    facts()
        .add(
            "TlsHandshake",
            Map.of(
                "address",
                facts().get("TcpConnect", "address"),
                "port",
                facts().get("TcpConnect", "port"),
                "outcome",
                outcome,
                "millis",
                "88",
                "detail",
                detail));
    facts().remove("HttpResponse");
    facts().remove("LoginAnswer");
  }

  /** A probe broke: the tool's problem, not the line's. */
  @Given("the {word} check could not finish: {string}")
  public void aCheckBroke(String probe, String detail) {
    facts().add("ProbeProblem", Map.of("probe", probe, "detail", detail));
  }

  @Given("the median connect time is {int} ms")
  public void medianConnect(int ms) {
    facts()
        .set("Latency", Map.of("medianMs", String.valueOf(ms), "maxMs", String.valueOf(ms + 60)));
  }
}
