package dev.xtreamdoctor.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Overlays written as short text, for scenario files: {@code ua-filter 454 allow VLC}, {@code
 * cloudflare 521}, {@code cloudflare proxy}, {@code cloudflare challenge 503}, {@code block-page
 * 451}, {@code overloaded 503}, {@code slow 4000}, {@code hang}, {@code trickle 50 body}, {@code
 * reset}, {@code empty-reply}, {@code truncated 10}, {@code flood limit 3 gap 2000}, {@code flood
 * banned}, {@code echo-password}, {@code ansi}, {@code hostile gzip-bomb} (see {@link Hostile}),
 * {@code php-warnings before}, {@code bom}, {@code status 401}.
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
    return parse(spec, family, java.time.Clock.systemDefaultZone());
  }

  /**
   * A fresh overlay for this spec; {@code clock} (its instant and zone) tells an {@code at-hours}
   * overlay which hour of the day it is.
   */
  static Overlay parse(String spec, PanelFamily family, java.time.Clock clock) {
    String[] w = spec.trim().split("\\s+");
    String kind = w[0].toLowerCase(Locale.ROOT);
    List<String> args = Arrays.asList(w).subList(1, w.length);
    try {
      return switch (kind) {
        case "ua-filter" -> userAgentFilter(args);
        case "cloudflare" ->
            args.isEmpty() || args.get(0).equals("proxy")
                ? Overlays.cloudflareProxy()
                : args.get(0).equals("challenge")
                    ? Overlays.cloudflareChallenge(
                        args.size() > 1 ? Integer.parseInt(args.get(1)) : 403)
                    : Overlays.cloudflareError(Integer.parseInt(args.get(0)));
        case "block-page" ->
            Overlays.blockPage(args.isEmpty() ? 200 : Integer.parseInt(args.get(0)));
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
        case "at-hours" ->
            Overlays.atHours(
                hours(args.get(0)),
                clock,
                parse(String.join(" ", args.subList(1, args.size())), family, clock));
        default -> throw new IllegalArgumentException("unknown overlay '" + kind + "'");
      };
    } catch (IndexOutOfBoundsException e) {
      throw new IllegalArgumentException("overlay '" + spec + "': a value is missing", e);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "overlay '" + spec + "': not a number: " + e.getMessage(), e);
    }
  }

  /** {@code 18-23}, {@code 20-1} (past midnight), {@code 9,12-14}: hours of the day, 0 to 23. */
  static java.util.Set<Integer> hours(String text) {
    java.util.Set<Integer> hours = new java.util.TreeSet<>();
    for (String part : text.split(",")) {
      String[] ends = part.split("-", -1);
      int from = hour(ends[0], text);
      int to = ends.length > 1 ? hour(ends[1], text) : from;
      if (ends.length > 2) {
        throw new IllegalArgumentException(
            "at-hours: '" + text + "' is not a list of hours such as 18-23");
      }
      for (int h = from; ; h = (h + 1) % 24) {
        hours.add(h);
        if (h == to) {
          break;
        }
      }
    }
    return hours;
  }

  private static int hour(String s, String text) {
    if (!s.strip().matches("\\d{1,2}") || Integer.parseInt(s.strip()) > 23) {
      throw new IllegalArgumentException(
          "at-hours: '" + text + "' is not a list of hours such as 18-23");
    }
    return Integer.parseInt(s.strip());
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
