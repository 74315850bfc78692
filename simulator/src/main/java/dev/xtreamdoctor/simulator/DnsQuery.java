package dev.xtreamdoctor.simulator;

import java.time.Instant;

/**
 * One question a simulated resolver received.
 *
 * @param time when it arrived
 * @param resolver the resolver's name, e.g. {@code system} or {@code public}
 * @param name the name asked, lower case, without the final dot
 * @param type the record type, e.g. {@code A} or {@code AAAA}
 * @param transport {@code udp} or {@code tcp}
 * @param behaviour how it was answered, e.g. {@code nxdomain}
 */
public record DnsQuery(
    Instant time, String resolver, String name, String type, String transport, String behaviour) {}
