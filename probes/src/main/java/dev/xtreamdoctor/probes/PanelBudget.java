package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.facts.PanelRequests;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Semaphore;

/**
 * Politeness towards the panel (reference xtream-api.md §2.4): real panels ban an IP after bursts
 * of requests or after many distinct usernames. One request at a time, a budget per diagnosis that
 * redirect hops count against too, one username only (the one typed: never a variant), and a stop
 * once the panel goes silent.
 */
final class PanelBudget {
  static final int MAX_DISTINCT_USERNAMES = 1;

  private final int budget;
  private final Semaphore oneAtATime = new Semaphore(1);
  private final Set<String> usernames = new LinkedHashSet<>();
  private int sent;
  private int logins;
  private boolean answered;
  private String stopReason = "";

  PanelBudget(int budget) {
    this.budget = budget;
  }

  /**
   * Runs one request if the budget allows it, never two at once.
   *
   * @param username the username a login sends, or null for a request without credentials
   * @return the request's result, or null if the budget refused it
   */
  <T> T send(String username, Callable<T> request) throws Exception {
    return send(username, username != null, request);
  }

  /** A redirect hop of a login already counted: one more request, no new login. */
  <T> T sendFollowUp(Callable<T> request) throws Exception {
    return send(null, false, request);
  }

  private <T> T send(String username, boolean login, Callable<T> request) throws Exception {
    oneAtATime.acquire();
    try {
      synchronized (this) {
        if (!stopReason.isEmpty()) {
          return null;
        }
        if (sent >= budget) {
          stopReason = "budget";
          return null;
        }
        if (username != null
            && !usernames.contains(username)
            && usernames.size() >= MAX_DISTINCT_USERNAMES) {
          stopReason = "budget";
          return null;
        }
        sent++;
        if (login) {
          logins++;
          usernames.add(username);
        }
      }
      return request.call();
    } finally {
      oneAtATime.release();
    }
  }

  synchronized void markAnswered() {
    answered = true;
  }

  synchronized boolean answeredBefore() {
    return answered;
  }

  synchronized void stop(String reason) {
    if (stopReason.isEmpty()) {
      stopReason = reason;
    }
  }

  synchronized boolean stopped() {
    return !stopReason.isEmpty();
  }

  synchronized PanelRequests fact() {
    return new PanelRequests(
        sent, budget, logins, usernames.size(), !stopReason.isEmpty(), stopReason);
  }
}
