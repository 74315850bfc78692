package dev.xtreamdoctor.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Overlays written as short text, for scenario files: {@code ua-filter 454 allow VLC}, {@code
 * cloudflare 521}, {@code cloudflare proxy}, {@code overloaded 503}, {@code slow 4000}, {@code
 * hang}, {@code trickle 50 body}, {@code reset}, {@code empty-reply}, {@code truncated 10}, {@code
 * flood limit 3 gap 2000}, {@code flood banned}, {@code echo-password}, {@code ansi}, {@code hostile
 * gzip-bomb} (see {@link Hostile}), {@code php-warnings before}, {@code bom}, {@code status 401}.
 */
final class OverlaySpec {
  private OverlaySpec() {}

  /** Splits {@code a; b; c} into specs, dropping blanks. */
  static List<String> split(String list) {
    List<String> out = new ArrayList<>();
    for (String s : list.split(";")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }

  /** A fresh overlay for this spec (stateful ones such as flood start clean each time). */
  static Overlay parse(String spec, PanelFamily family) {
    String[] w = spec.trim().split("\\s+");
    String kind = w[0].toLowerCase(Locale.ROOT);
    List<String> args = Arrays.asList(w).subList(1, w.length);
    try {
      return switch (kind) {
        case "ua-filter" -> userAgentFilter(args);
        case "cloudflare" ->
            args.isEmpty() || args.get(0).equals("proxy")
                ? Overlays.cloudflareProxy()
                : Overlays.cloudflareError(Integer.parseInt(args.get(0)));
        case "overloaded" ->
            Overlays.overloaded(args.isEmpty() ? 503 : Integer.parseInt(args.get(0)));
        case "slow" -> Overlays.slow(millis(args, 0, 4000));
        case "hang" -> Overlays.hang();
        case "trickle" ->
            Overlays.trickle(
                args.size() > 1
                    ? Response.Trickle.valueOf(args.get(1).toUpperCase(Locale.ROOT))
                    : Response.Trickle.BODY,
                millis(args, 0, 50));
        case "reset" -> Overlays.reset();
        case "empty-reply" -> Overlays.emptyReply();
        case "truncated" ->
            Overlays.truncatedBody(args.isEmpty() ? 10 : Integer.parseInt(args.get(0)));
        case "flood" -> flood(args, family);
        case "verify-host" -> Overlays.xuiVerifyHost(args.toArray(new String[0]));
        case "redirect" -> Overlays.redirectTo(Integer.parseInt(args.get(0)), args.get(1));
        case "echo-password" -> HostileEchoes.password();
        case "ansi" -> HostileEchoes.ansi();
        case "hostile" -> Hostile.named(args.get(0), args.subList(1, args.size()));
        case "php-warnings" -> Overlays.phpWarnings(args.isEmpty() ? "before" : args.get(0));
        case "bom" -> Overlays.byteOrderMark();
        case "status" -> Overlays.status(Integer.parseInt(args.get(0)));
        default -> throw new IllegalArgumentException("unknown overlay '" + kind + "'");
      };
    } catch (IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("overlay '" + spec + "': a value is missing", e);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "overlay '" + spec + "': not a number: " + e.getMessage(), e);
    }
  }

  private static Overlay userAgentFilter(List<String> args) {
    UserAgentFilter filter = UserAgentFilter.refusingWith(454);
    int i = 0;
    if (i < args.size() && !args.get(i).equals("allow")) {
      String how = args.get(i++);
      filter =
          how.equals("html")
              ? UserAgentFilter.refusingWithHtml()
              : UserAgentFilter.refusingWith(Integer.parseInt(how));
    }
    if (i < args.size() && args.get(i).equals("allow")) {
      filter = filter.allowing(String.join(" ", args.subList(i + 1, args.size())));
    }
    return filter;
  }

  private static Overlay flood(List<String> args, PanelFamily family) {
    FloodProtection flood = FloodProtection.of(family);
    for (int i = 0; i < args.size(); i++) {
      switch (args.get(i)) {
        case "limit" -> flood.limit(Integer.parseInt(args.get(++i)));
        case "gap" -> flood.gap(Duration.ofMillis(Long.parseLong(args.get(++i))));
        case "forbidden" -> flood.forbiddenAnswers(Integer.parseInt(args.get(++i)));
        case "reset" -> flood.afterBan(FloodProtection.AfterBan.RESET);
        case "silence" -> flood.afterBan(FloodProtection.AfterBan.SILENCE);
        case "drop" -> flood.afterBan(FloodProtection.AfterBan.DROP);
        case "banned" -> flood.ban(Loopback.DEFAULT);
        case "auth" ->
            flood.authFlood(
                Integer.parseInt(args.get(++i)),
                Duration.ofMillis(Long.parseLong(args.get(++i))),
                Duration.ofMillis(Long.parseLong(args.get(++i))));
        default -> throw new IllegalArgumentException("unknown flood option '" + args.get(i) + "'");
      }
    }
    return flood;
  }

  private static Duration millis(List<String> args, int index, long otherwise) {
    return Duration.ofMillis(args.size() > index ? Long.parseLong(args.get(index)) : otherwise);
  }
}
