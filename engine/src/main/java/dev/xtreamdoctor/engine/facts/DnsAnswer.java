package dev.xtreamdoctor.engine.facts;

import java.util.List;

/**
 * One resolver's answer for the server's host name and one record type.
 *
 * @param resolverRole {@code system} (the resolvers the user's device uses) or {@code public}
 * @param resolver the resolver asked, {@code host:port}
 * @param host the name asked for
 * @param recordType {@code A} or {@code AAAA}
 * @param outcome {@code dns.answered}, {@code dns.no_data}, {@code dns.name_not_resolved}
 *     (NXDOMAIN), {@code dns.failed} (SERVFAIL), {@code dns.refused}, {@code dns.timed_out}, {@code
 *     dns.error}
 * @param rcode the DNS response code as text ({@code NOERROR}, {@code NXDOMAIN}...), empty if none
 * @param addresses the addresses answered, in answer order
 * @param addressKinds the kinds of those addresses, distinct: {@code public}, {@code private},
 *     {@code loopback}, {@code unspecified}, {@code link_local}, {@code shared} (100.64/10), {@code
 *     other}
 * @param millis time to the answer, or to giving up
 * @param aliases the CNAME chain the answer followed, in order (empty when the name is no alias)
 */
public record DnsAnswer(
    String resolverRole,
    String resolver,
    String host,
    String recordType,
    String outcome,
    String rcode,
    List<String> addresses,
    List<String> addressKinds,
    long millis,
    List<String> aliases)
    implements Fact {
  public DnsAnswer {
    addresses = List.copyOf(addresses);
    addressKinds = List.copyOf(addressKinds);
    aliases = List.copyOf(aliases);
  }
}
