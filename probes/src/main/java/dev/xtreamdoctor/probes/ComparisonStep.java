package dev.xtreamdoctor.probes;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * When the app's path failed before reaching the panel: the same login once through a public
 * resolver's address (if it gave one the app's path did not try), within the budget, so the rules
 * can tell "the user's DNS leads nowhere" from "the panel is down".
 */
final class ComparisonStep implements ProbeStep {
  @Override
  public String probe() {
    return "tcp";
  }

  @Override
  public String heardAs() {
    return "comparison";
  }

  @Override
  public boolean appliesTo(ProbeContext context) {
    if (context.plan().isEmpty()) {
      return false;
    }
    ProbeContext.Reached reached = context.reached();
    return reached == ProbeContext.Reached.NOTHING
        || (reached == ProbeContext.Reached.TLS_FAILED
                || reached == ProbeContext.Reached.OTHER_SERVER)
            && context.plan().get().disagree();
  }

  @Override
  public void run(ProbeContext context) throws Exception {
    ProbeContext.Plan plan = context.plan().orElseThrow();
    List<InetAddress> others = new ArrayList<>(plan.publicPath());
    others.removeAll(plan.appPath());
    if (others.isEmpty() || !context.credentialsGiven() || context.budget().stopped()) {
      return;
    }
    HttpExchange.Target target = ConnectStep.firstToConnect(context, others, DnsProbe.PUBLIC);
    if (target != null) {
      LoginStep.attempt(context, target, HttpLoginProbe.PUBLIC_LOGIN);
    }
  }
}
