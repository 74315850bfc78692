package dev.xtreamdoctor.probes;

/**
 * Latency samples to the address that took the app's connection, beside the rest of the path (plain
 * TCP connects, nothing a panel counts).
 */
final class LatencyStep implements ProbeStep {
  @Override
  public String probe() {
    return "latency";
  }

  @Override
  public String heardAs() {
    return "";
  }

  @Override
  public boolean beside() {
    return true;
  }

  @Override
  public boolean appliesTo(ProbeContext context) {
    return context.target().isPresent() && context.settings().latencySamples() > 0;
  }

  @Override
  public void run(ProbeContext context) throws Exception {
    HttpExchange.Target target = context.target().orElseThrow();
    context.observed(
        context.latency().sample(target.address(), target.port(), context.deadlineNanos()));
  }
}
