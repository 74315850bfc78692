package dev.xtreamdoctor.probes;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The name looked up as the app's device does (its system resolvers, in their order) and through
 * the public resolvers for comparison; an IP literal is taken as typed. Every address either gave
 * is screened by the network gate: a name that also points inside is refused outright.
 */
final class DnsStep implements ProbeStep {
  @Override
  public String probe() {
    return "dns";
  }

  @Override
  public boolean appliesTo(ProbeContext context) {
    return true;
  }

  @Override
  public void run(ProbeContext context) throws Exception {
    ParsedServer server = context.server();
    if (!server.input().hostKind().equals("name")) {
      // an IP literal: nothing to resolve; InetAddress parses it without a lookup
      InetAddress a = InetAddress.getByName(server.host());
      context.gate().screen(a, server.port());
      context.plan(new ProbeContext.Plan(List.of(a), "literal", List.of()));
      return;
    }
    ProbeSettings settings = context.settings();
    List<InetSocketAddress> system = context.resolvers(settings.systemResolvers(), true);
    List<InetSocketAddress> publicOnes = context.resolvers(settings.publicResolvers(), false);
    DnsResult result = context.dns().lookUp(server.host(), system, publicOnes);
    context.observed(result.answers());
    result.problems().forEach(p -> context.problem("dns", p));
    List<InetAddress> sys = result.addresses(DnsProbe.SYSTEM);
    List<InetAddress> pub = result.addresses(DnsProbe.PUBLIC);
    if (sys.isEmpty() && pub.isEmpty()) {
      return;
    }
    for (InetAddress a : sys) {
      context.gate().screen(a, server.port());
    }
    for (InetAddress a : pub) {
      context.gate().screen(a, server.port());
    }
    context.plan(new ProbeContext.Plan(sys, DnsProbe.SYSTEM, pub));
  }
}
