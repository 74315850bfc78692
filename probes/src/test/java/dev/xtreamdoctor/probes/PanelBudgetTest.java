package dev.xtreamdoctor.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.xtreamdoctor.engine.facts.PanelRequests;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PanelBudgetTest {

  @Test
  void refusesASecondUsernameAndCountsWhatWasSent() throws Exception {
    PanelBudget b = new PanelBudget(6);
    assertEquals("a", b.send("john", () -> "a"));
    assertEquals("h", b.sendFollowUp(() -> "h")); // a redirect of that login: sent, no new login
    assertNull(b.send(" john", () -> "b"), "never a variant of the username typed");
    assertEquals(new PanelRequests(2, 6, 1, 1, true, "budget"), b.fact());
  }

  @Test
  void refusesPastTheBudget() throws Exception {
    PanelBudget b = new PanelBudget(1);
    assertEquals(1, b.send(null, () -> 1));
    assertNull(b.send(null, () -> 2));
    assertEquals(new PanelRequests(1, 1, 0, 0, true, "budget"), b.fact());
  }

  @Test
  void neverTwoRequestsAtOnce() throws Exception {
    PanelBudget b = new PanelBudget(6);
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Future<?>[] all = new Future<?>[4];
      for (int i = 0; i < 4; i++) {
        all[i] =
            pool.submit(
                () -> {
                  go.await();
                  return b.send(
                      null,
                      () -> {
                        most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        Thread.sleep(20);
                        return inFlight.decrementAndGet();
                      });
                });
      }
      go.countDown();
      for (Future<?> f : all) {
        f.get(5, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, most.get());
    assertEquals(4, b.fact().sent());
  }

  @Test
  void aStopIsFinal() throws Exception {
    PanelBudget b = new PanelBudget(6);
    b.stop("panel_went_silent");
    assertNull(b.send("john", () -> "x"));
    assertEquals("panel_went_silent", b.fact().stopReason());
  }
}
