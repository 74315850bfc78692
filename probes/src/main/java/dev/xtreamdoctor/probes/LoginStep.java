package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.facts.HttpResponse;
import dev.xtreamdoctor.engine.facts.Outcome;
import java.util.Optional;
import java.util.Set;

/**
 * The one login the app makes, to the address that took the connection, its redirects followed as
 * the app follows them, within the request budget. Only with both credentials given: the input
 * facts already say one is missing, and a blank login only feeds flood counters.
 */
final class LoginStep implements ProbeStep {
  /** Outcomes that mean the panel no longer answers at all, as after a flood ban. */
  private static final Set<String> SILENCE =
      Set.of(Outcome.HTTP_TIMED_OUT, Outcome.HTTP_RESET, Outcome.HTTP_EMPTY_REPLY);

  @Override
  public String probe() {
    return "http";
  }

  @Override
  public String heardAs() {
    return "login";
  }

  @Override
  public boolean appliesTo(ProbeContext context) {
    return context.reached() == ProbeContext.Reached.CONNECTED && context.credentialsGiven();
  }

  @Override
  public void run(ProbeContext context) {
    context.reached(ProbeContext.Reached.LOGIN);
    Optional<HttpResponse> answer =
        attempt(context, context.target().orElseThrow(), HttpLoginProbe.LOGIN);
    boolean disagree = context.plan().map(ProbeContext.Plan::disagree).orElse(false);
    if (disagree && answer.isPresent() && otherServer(answer.get())) {
      context.reached(ProbeContext.Reached.OTHER_SERVER);
    }
  }

  /**
   * An answer no panel (nor anything in front of one) gives: a web server's own 404 or default
   * page, an ISP block page, or bytes that are no HTTP. Observed on the wire, not judged: the rules
   * decide what the comparison that follows means.
   */
  private static boolean otherServer(HttpResponse r) {
    if (r.hop() > 0
        || r.signals().contains("user_info")
        || r.signals().contains("xui_padded_404")) {
      return false;
    }
    return r.outcome().equals(Outcome.HTTP_NOT_HTTP)
        || r.signals().contains("block_page")
        || r.signals().contains("web_server_default_page")
        || r.status() == 404;
  }

  /**
   * One login through the budget. A login met by silence is followed by one more TCP connect (no
   * request, nothing a panel counts): a panel that now drops connections has just banned this
   * address. A panel that answered before in this diagnosis and now stays silent stops the run.
   */
  static Optional<HttpResponse> attempt(
      ProbeContext context, HttpExchange.Target target, String purpose) {
    PanelBudget budget = context.budget();
    boolean answeredBefore = budget.answeredBefore();
    Optional<HttpLoginProbe.Login> login =
        context.guard(
            "http",
            () ->
                context
                    .http()
                    .login(
                        target,
                        purpose,
                        context.username(),
                        context.password(),
                        budget,
                        context.deadlineNanos()));
    if (login.isEmpty() || login.get().last() == null) {
      return Optional.empty();
    }
    context.observed(login.get().responses());
    login.get().answer().ifPresent(context::observed);
    HttpResponse r = login.get().last();
    if (r.status() > 0) {
      budget.markAnswered();
    } else if (SILENCE.contains(r.outcome()) && r.hop() == 0) {
      if (answeredBefore) {
        budget.stop("panel_went_silent");
      }
      int connectMs = context.settings().connectMs();
      if (context.remainingMs(Integer.MAX_VALUE) < connectMs) {
        // a connect cut short by the deadline would time out for our own reason
        return Optional.of(r);
      }
      context
          .guard(
              "tcp",
              () ->
                  context
                      .tcp()
                      .connect(
                          target.address(),
                          target.port(),
                          target.resolverRole(),
                          TcpProbe.AFTER_LOGIN,
                          connectMs,
                          0))
          .ifPresent(context::observed);
    }
    return Optional.of(r);
  }
}
