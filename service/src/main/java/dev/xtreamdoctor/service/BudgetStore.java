package dev.xtreamdoctor.service;

import java.util.Optional;

/**
 * Where the panel budget and the verdict cache live: in this process, or in Redis for replicas that
 * share them. One panel's turn is taken in one atomic step against the store's own clock.
 */
interface BudgetStore extends AutoCloseable {
  /** What one attempt at a panel's turn gave. */
  enum Outcome {
    /** The turn is this caller's: its logins are recorded, the panel is held until finished. */
    GRANTED,
    /** Another caller holds the panel: try again shortly. */
    BUSY,
    /**
     * The panel is held for this caller, but the last login was too recent: wait, then try again.
     */
    WAIT,
    /** The window's logins are spent: nothing is held; try again after the given time. */
    SPENT
  }

  /**
   * An attempt's outcome.
   *
   * @param outcome what happened
   * @param millis for WAIT and SPENT, how long until the attempt can succeed
   */
  record Attempt(Outcome outcome, long millis) {}

  /**
   * Tries to take {@code panel}'s turn for {@code logins} logins under {@code budget}, as the
   * caller {@code token} (the same token keeps a turn held by WAIT).
   */
  Attempt attempt(
      String panel, String token, int logins, ServeSettings.Politeness budget, long holdMillis);

  /**
   * Ends {@code token}'s turn: gives back the {@code unused} logins it recorded, lets the next in.
   */
  void finish(String panel, String token, int logins, int unused);

  /** What was observed for this line, if it is still fresh. */
  Optional<String> cached(String key);

  /** Keeps what was observed for this line for {@code millis}. */
  void cache(String key, String observed, long millis);

  @Override
  void close();
}
