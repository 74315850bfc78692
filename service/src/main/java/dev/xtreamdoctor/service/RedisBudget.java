package dev.xtreamdoctor.service;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * The budget and cache shared by several {@code serve} replicas through Redis. A turn is taken by
 * one Lua script, atomic and timed by the Redis server's clock, so replicas whose clocks differ
 * still space their logins correctly. Keys: {@code xtream-doctor:turn:<panel>} (who holds the
 * panel), {@code xtream-doctor:logins:<panel>} (a sorted set of recent logins by time) and {@code
 * xtream-doctor:seen:<line hash>} (what a diagnosis of that line observed).
 */
final class RedisBudget implements BudgetStore {
  private static final String PREFIX = "xtream-doctor:";

  // KEYS: turn, logins. ARGV: token, logins needed, max logins, window ms, min interval ms, hold
  // ms.
  // Returns {outcome, millis}: 0 granted, 1 busy, 2 wait, 3 spent.
  private static final String ATTEMPT =
      String.join(
          "\n",
          "local t = redis.call('TIME')",
          "local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)",
          "local token, need, max = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])",
          "local window, gap, hold = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])",
          "local holder = redis.call('GET', KEYS[1])",
          "if holder and holder ~= token then return {1, 0} end",
          "redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - window)",
          "local count = redis.call('ZCARD', KEYS[2])",
          "if count + need > max then",
          "  if holder == token then redis.call('DEL', KEYS[1]) end",
          "  local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')",
          "  local at = oldest[2] and tonumber(oldest[2]) or now",
          "  return {3, math.max(1, at + window - now)}",
          "end",
          "redis.call('SET', KEYS[1], token, 'PX', hold)",
          "local last = redis.call('ZREVRANGE', KEYS[2], 0, 0, 'WITHSCORES')",
          "if last[2] and now - tonumber(last[2]) < gap then return {2, gap - (now - tonumber(last[2]))} end",
          "for i = 1, need do redis.call('ZADD', KEYS[2], now, token .. ':' .. i) end",
          "redis.call('PEXPIRE', KEYS[2], window)",
          "return {0, 0}");

  // KEYS: turn, logins. ARGV: token, logins recorded, unused.
  // The logins sent are stamped again with the finishing time: the next is spaced from their end.
  private static final String FINISH =
      String.join(
          "\n",
          "local t = redis.call('TIME')",
          "local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)",
          "local need, unused = tonumber(ARGV[2]), tonumber(ARGV[3])",
          "for i = need - unused + 1, need do redis.call('ZREM', KEYS[2], ARGV[1] .. ':' .. i) end",
          "for i = 1, need - unused do redis.call('ZADD', KEYS[2], 'XX', now, ARGV[1] .. ':' .. i) end",
          "if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end",
          "return 1");

  private final RedisClient redis;
  private final String where;

  private RedisBudget(RedisClient redis, String where) {
    this.redis = redis;
    this.where = where;
  }

  /**
   * Connects and checks that Redis answers.
   *
   * @throws IllegalStateException when it does not (the message names the address, not a password)
   */
  static RedisBudget connect(String url) {
    URI uri = URI.create(url);
    String where = uri.getHost() + ":" + (uri.getPort() < 0 ? 6379 : uri.getPort());
    RedisClient client =
        RedisClient.builder()
            .fromURI(uri)
            .clientConfig(
                DefaultJedisClientConfig.builder()
                    .connectionTimeoutMillis(2000)
                    .socketTimeoutMillis(2000)
                    .clientName("xtream-doctor")
                    .build())
            .build();
    try {
      client.ping();
    } catch (JedisException e) {
      client.close();
      throw new IllegalStateException(
          "doctor.serve.redis-url: Redis at "
              + where
              + " does not answer ("
              + e.getClass().getSimpleName()
              + ")");
    }
    return new RedisBudget(client, where);
  }

  @Override
  public Attempt attempt(
      String panel, String token, int logins, ServeSettings.Politeness b, long holdMillis) {
    List<?> r =
        (List<?>)
            call(
                () ->
                    redis.eval(
                        ATTEMPT,
                        List.of(turn(panel), logins(panel)),
                        List.of(
                            token,
                            Integer.toString(logins),
                            Integer.toString(b.maxLogins()),
                            Long.toString(b.windowMs()),
                            Long.toString(b.minIntervalMs()),
                            Long.toString(holdMillis))));
    long millis = ((Number) r.get(1)).longValue();
    return switch (((Number) r.get(0)).intValue()) {
      case 0 -> new Attempt(Outcome.GRANTED, 0);
      case 1 -> new Attempt(Outcome.BUSY, 0);
      case 2 -> new Attempt(Outcome.WAIT, millis);
      default -> new Attempt(Outcome.SPENT, millis);
    };
  }

  @Override
  public void finish(String panel, String token, int logins, int unused) {
    call(
        () ->
            redis.eval(
                FINISH,
                List.of(turn(panel), logins(panel)),
                List.of(token, Integer.toString(logins), Integer.toString(unused))));
  }

  @Override
  public Optional<String> cached(String key) {
    return Optional.ofNullable((String) call(() -> redis.get(PREFIX + "seen:" + key)));
  }

  @Override
  public void cache(String key, String observed, long millis) {
    call(() -> redis.set(PREFIX + "seen:" + key, observed, SetParams.setParams().px(millis)));
  }

  private static String turn(String panel) {
    return PREFIX + "turn:" + panel;
  }

  private static String logins(String panel) {
    return PREFIX + "logins:" + panel;
  }

  /**
   * A Redis call; failing, the store is unavailable (callers answer 503, never skip the budget).
   */
  private Object call(java.util.function.Supplier<Object> command) {
    try {
      return command.get();
    } catch (JedisException e) {
      throw new Unavailable(
          "the panel budget in Redis at "
              + where
              + " cannot be reached ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  /** The shared budget cannot be reached: no panel is contacted meanwhile. */
  static final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unavailable(String message) {
      super(message, null, false, false);
    }
  }

  @Override
  public void close() {
    redis.close();
  }
}
