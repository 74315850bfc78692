package dev.xtreamdoctor.simulator;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A panel's flood protection (reference §2.4), per client IP. XC2 counts every player_api request;
 * XUI counts refused ones (and distinct refused usernames). A run of {@code limit} counted
 * requests, each within {@code gap} of the previous, bans the IP: XUI answers 403 with an empty
 * body {@code forbiddenAnswers} times, then both go silent (the firewall DROP).
 */
public final class FloodProtection implements Overlay {
  /** What a banned client meets once the 403s are spent. */
  public enum AfterBan {
    /**
     * The firewall DROP the real panels add: this request hangs and every later connection times
     * out at connect (the whole server drops, as all loopback clients share one IP).
     */
    DROP,
    /** Accept the connection and never answer, like a DROP seen through a proxy. */
    SILENCE,
    /** Abort every connection with a RST. */
    RESET
  }

  private final PanelFamily family;
  private int limit = 40;
  private Duration gap = Duration.ofSeconds(2);
  private int forbiddenAnswers;
  private int distinctUsernames;
  private Duration usernameWindow = Duration.ofSeconds(300);
  private AfterBan afterBan = AfterBan.DROP;
  private int authFloodLimit;
  private Duration authFloodWindow = Duration.ofSeconds(10);
  private Duration authFloodSleep = Duration.ofSeconds(1);
  private final Map<String, java.util.Deque<Long>> logins = new HashMap<>();
  private final Map<String, Counter> counters = new HashMap<>();

  private FloodProtection(PanelFamily family) {
    this.family = family;
    if (family == PanelFamily.XUI) {
      forbiddenAnswers = 1;
      distinctUsernames = 10;
      authFloodLimit = 30;
    }
  }

  /** The family's shipped defaults: 40 requests with gaps of at most 2 s. */
  public static FloodProtection of(PanelFamily family) {
    return new FloodProtection(family);
  }

  /** How many counted requests in a row trigger the ban. */
  public FloodProtection limit(int requests) {
    this.limit = requests;
    return this;
  }

  /** The largest gap between two requests of one run. */
  public FloodProtection gap(Duration maxGap) {
    this.gap = maxGap;
    return this;
  }

  /** How many 403 answers a banned IP gets before silence (XUI 1, XC2 0). */
  public FloodProtection forbiddenAnswers(int count) {
    this.forbiddenAnswers = count;
    return this;
  }

  /** XUI's bruteforce rule: this many distinct refused usernames in the window ban (0 = off). */
  public FloodProtection distinctUsernames(int count, Duration window) {
    this.distinctUsernames = count;
    this.usernameWindow = window;
    return this;
  }

  /**
   * XUI's {@code checkAuthFlood}: past {@code limit} good logins of one line from one IP within
   * {@code window}, each further good login waits {@code sleep} (slowed, not banned); 0 = off.
   */
  public FloodProtection authFlood(int limit, Duration window, Duration sleep) {
    this.authFloodLimit = limit;
    this.authFloodWindow = window;
    this.authFloodSleep = sleep;
    return this;
  }

  public FloodProtection afterBan(AfterBan what) {
    this.afterBan = what;
    return this;
  }

  public synchronized boolean isBanned(String ip) {
    Counter c = counters.get(ip);
    return c != null && c.banned;
  }

  /** Bans an IP at once, as if it had flooded before the scenario began. */
  public synchronized FloodProtection ban(String ip) {
    counters.computeIfAbsent(ip, k -> new Counter()).banned = true;
    return this;
  }

  @Override
  public Reply handle(Request request, Handler next) {
    String ip = request.source().getAddress().getHostAddress();
    long now = System.nanoTime();
    synchronized (this) {
      Counter c = counters.computeIfAbsent(ip, k -> new Counter());
      if (c.banned) {
        return bannedReply(c);
      }
      if (family == PanelFamily.XC2 && isPlayerApi(request) && c.count(now, gap) >= limit) {
        c.banned = true;
        return bannedReply(c);
      }
    }
    Reply reply = next.handle(request);
    if (family == PanelFamily.XUI && isPlayerApi(request) && isLogin(reply)) {
      return slowedIfFlooding(ip + "/" + request.param("username").orElse(""), now, reply);
    }
    if (family == PanelFamily.XUI && isPlayerApi(request) && isRefusal(reply)) {
      synchronized (this) {
        Counter c = counters.computeIfAbsent(ip, k -> new Counter());
        boolean flood = c.count(now, gap) >= limit;
        boolean bruteforce =
            distinctUsernames > 0
                && c.distinct(request.param("username").orElse(""), now, usernameWindow)
                    >= distinctUsernames;
        if (flood || bruteforce) {
          c.banned = true; // this refusal still goes out; the next request meets the ban
        }
      }
    }
    return reply;
  }

  private synchronized Reply slowedIfFlooding(String lineAndIp, long now, Reply reply) {
    if (authFloodLimit <= 0) {
      return reply;
    }
    java.util.Deque<Long> times =
        logins.computeIfAbsent(lineAndIp, k -> new java.util.ArrayDeque<>());
    while (!times.isEmpty() && now - times.peekFirst() > authFloodWindow.toNanos()) {
      times.removeFirst();
    }
    times.addLast(now);
    if (times.size() <= authFloodLimit) {
      return reply;
    }
    Response r = ((Reply.Answer) reply).response();
    return Reply.answer(r.withHeaderDelay(r.headerDelay().plus(authFloodSleep)));
  }

  private Reply bannedReply(Counter c) {
    if (c.forbiddenSent < forbiddenAnswers) {
      c.forbiddenSent++;
      return Reply.answer(Response.empty(403).withHeader("Server", "nginx"));
    }
    return switch (afterBan) {
      case DROP -> Reply.drop();
      case RESET -> Reply.reset();
      case SILENCE -> Reply.hang();
    };
  }

  private static boolean isPlayerApi(Request r) {
    return r.path().equals("/player_api.php") || r.path().startsWith("/player_api/");
  }

  private static boolean isLogin(Reply reply) {
    return reply instanceof Reply.Answer a && a.response().status() == 200;
  }

  private static boolean isRefusal(Reply reply) {
    return reply instanceof Reply.Answer a && a.response().status() == 404;
  }

  /** One IP's run of counted requests. */
  private static final class Counter {
    private int run;
    private long last;
    private boolean banned;
    private int forbiddenSent;
    private final Map<String, Long> usernames = new HashMap<>();

    int count(long now, Duration gap) {
      if (run == 0 || now - last > gap.toNanos()) {
        run = 0;
      }
      run++;
      last = now;
      return run;
    }

    int distinct(String username, long now, Duration window) {
      usernames.values().removeIf(t -> now - t > window.toNanos());
      if (!username.isEmpty()) {
        usernames.put(username, now);
      }
      return usernames.size();
    }
  }
}
