package dev.xtreamdoctor.bench;

import dev.xtreamdoctor.engine.FactsJson;
import dev.xtreamdoctor.engine.facts.Fact;
import java.util.List;

/** A few typical fact sets, from a one-fact login answer to a full healthy run. */
final class FactSets {
  private FactSets() {}

  static final String INPUT =
      "{\"type\":\"ServerInput\",\"typed\":\"http://panel.example:8080\",\"outcome\":\"input.ok\","
          + "\"scheme\":\"http\",\"host\":\"panel.example\",\"port\":8080,\"schemeGiven\":true,"
          + "\"portGiven\":true,\"hostKind\":\"name\",\"pastedForm\":\"plain\","
          + "\"baseUrl\":\"http://panel.example:8080\"}";
  static final String USER =
      "{\"type\":\"CredentialInput\",\"field\":\"username\",\"mixedCase\":true,\"length\":8}";
  static final String PASS = "{\"type\":\"CredentialInput\",\"field\":\"password\",\"length\":10}";
  static final String DNS =
      "{\"type\":\"DnsAnswer\",\"resolverRole\":\"system\",\"resolver\":\"192.168.1.1:53\","
          + "\"host\":\"panel.example\",\"recordType\":\"A\",\"outcome\":\"dns.answered\","
          + "\"rcode\":\"NOERROR\",\"addresses\":[\"203.0.113.7\"],\"addressKinds\":[\"public\"]}";
  static final String TCP =
      "{\"type\":\"TcpConnect\",\"address\":\"203.0.113.7\",\"port\":8080,"
          + "\"resolverRole\":\"system\",\"outcome\":\"tcp.connected\",\"stage\":\"before_login\","
          + "\"millis\":21}";
  static final String HTTP =
      "{\"type\":\"HttpResponse\",\"purpose\":\"login\",\"address\":\"203.0.113.7\","
          + "\"outcome\":\"http.status\",\"status\":200,\"contentType\":\"application/json\","
          + "\"bodyShape\":\"json\",\"signals\":[\"user_info\"],\"millis\":45}";
  static final String OK =
      "{\"type\":\"LoginAnswer\",\"outcome\":\"panel.login_ok\",\"auth\":1,\"status\":\"Active\","
          + "\"expDate\":1900000000,\"serverTime\":1800000000,\"maxConnections\":2,"
          + "\"panelFamily\":\"xui\"}";
  static final String REJECTED =
      "{\"type\":\"LoginAnswer\",\"outcome\":\"panel.auth_rejected\",\"auth\":0}";
  static final String PASTED =
      "{\"type\":\"ServerInput\",\"typed\":\"http://p.example:8080/get.php?username=u&password=***\","
          + "\"outcome\":\"input.ok\",\"scheme\":\"http\",\"host\":\"p.example\",\"port\":8080,"
          + "\"pastedForm\":\"get_php\",\"baseUrl\":\"http://p.example:8080\"}";

  static List<List<Fact>> all() {
    return List.of(
        facts(REJECTED),
        facts(INPUT, USER, PASS, DNS, TCP, HTTP, REJECTED),
        facts(INPUT, USER, PASS, DNS, TCP, HTTP, OK),
        facts(PASTED, USER, PASS));
  }

  private static List<Fact> facts(String... objects) {
    try {
      return FactsJson.read("[" + String.join(",", objects) + "]");
    } catch (FactsJson.FactsException e) {
      throw new IllegalStateException("a benchmark scenario does not read: " + e.getMessage(), e);
    }
  }
}
