package dev.xtreamdoctor.probes;

import java.util.List;

/**
 * The steps of one diagnosis, in the order {@link ProbeRun} runs them: the path the user's app
 * takes (DNS, TCP to each address in the app's order, TLS, one login), the latency samples beside
 * it, and the comparison through a public resolver's address when that path failed before the
 * panel. Each step says itself when it applies; the registry is this list (as blackbox_exporter's
 * {@code Probers} map).
 */
final class ProbeChain {
  private ProbeChain() {}

  static final List<ProbeStep> STEPS =
      List.of(
          new DnsStep(),
          new ConnectStep(),
          new LatencyStep(),
          new BlockCheckStep(),
          new TlsStep(),
          new LoginStep(),
          new ComparisonStep());
}
