package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.facts.HttpResponse;

/**
 * Where the resolvers disagree, a credential-free look at the address the app connected to, before
 * any login: an ISP block server gets no credentials (the app would get its block page).
 */
final class BlockCheckStep implements ProbeStep {
  @Override
  public String probe() {
    return "http";
  }

  @Override
  public String heardAs() {
    return "";
  }

  @Override
  public boolean appliesTo(ProbeContext context) {
    return context.reached() == ProbeContext.Reached.CONNECTED
        && context.plan().map(ProbeContext.Plan::disagree).orElse(false);
  }

  @Override
  public void run(ProbeContext context) throws Exception {
    HttpExchange.Target target = context.target().orElseThrow();
    HttpResponse look =
        context
            .budget()
            .send(null, () -> context.http().blockCheck(target, context.deadlineNanos()));
    if (look == null) {
      return;
    }
    context.observed(look);
    if (look.status() > 0) {
      context.budget().markAnswered();
    }
    if (look.signals().contains("block_page")) {
      context.reached(ProbeContext.Reached.NOTHING);
    }
  }
}
