package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.facts.Outcome;
import dev.xtreamdoctor.engine.facts.TcpConnect;
import java.net.InetAddress;
import java.util.List;

/**
 * TCP to each address of the app's path in the app's order, until one takes the connection: a fact
 * per address tried; the first that connected is where the rest of the path goes.
 */
final class ConnectStep implements ProbeStep {
  /** Addresses tried on one path at most: the app tries them all, the deadline would not. */
  private static final int MAX_ADDRESSES = 8;

  @Override
  public String probe() {
    return "tcp";
  }

  @Override
  public boolean appliesTo(ProbeContext context) {
    return context.plan().isPresent();
  }

  @Override
  public void run(ProbeContext context) throws Exception {
    ProbeContext.Plan plan = context.plan().orElseThrow();
    HttpExchange.Target target = firstToConnect(context, plan.appPath(), plan.appRole());
    if (target != null) {
      context.target(target);
      context.reached(ProbeContext.Reached.CONNECTED);
    }
  }

  /**
   * Connects to each address in turn, as the app does, until one takes the connection: a fact per
   * address tried. The target is the first that connected, or null.
   */
  static HttpExchange.Target firstToConnect(
      ProbeContext context, List<InetAddress> addresses, String role) throws Exception {
    int order = 0;
    for (InetAddress a : addresses) {
      if (System.nanoTime() >= context.deadlineNanos() || order >= MAX_ADDRESSES) {
        return null;
      }
      TcpConnect c =
          context
              .tcp()
              .connect(
                  a,
                  context.server().port(),
                  role,
                  TcpProbe.BEFORE_LOGIN,
                  context.remainingMs(context.settings().connectMs()),
                  ++order);
      context.observed(c);
      if (c.outcome().equals(Outcome.TCP_CONNECTED)) {
        return context.target(a, role);
      }
    }
    return null;
  }
}
