package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.facts.DnsAnswer;
import dev.xtreamdoctor.engine.facts.Outcome;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every resolver's answers for one host, and the addresses they gave per role. */
record DnsResult(List<DnsAnswer> answers, List<String> problems) {
  DnsResult {
    answers = List.copyOf(answers);
    problems = List.copyOf(problems);
  }

  /** Distinct addresses a role's resolvers answered: A records before AAAA, in answer order. */
  List<InetAddress> addresses(String role) {
    Set<String> seen = new LinkedHashSet<>();
    for (String type : List.of("A", "AAAA")) {
      for (DnsAnswer a : answers) {
        if (a.resolverRole().equals(role)
            && a.recordType().equals(type)
            && a.outcome().equals(Outcome.DNS_ANSWERED)) {
          seen.addAll(a.addresses());
        }
      }
    }
    List<InetAddress> out = new ArrayList<>();
    for (String s : seen) {
      try {
        out.add(InetAddress.getByName(s)); // a literal dnsjava produced: no lookup
      } catch (UnknownHostException e) {
        // cannot happen for a literal; skip it
      }
    }
    return out;
  }
}
