package dev.xtreamdoctor.api;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Spellings of IPv4 addresses that C's inet_aton accepts and people do not mean. */
final class Addresses {
  private static final Pattern CANONICAL_IPV4 =
      Pattern.compile("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");
  private static final Pattern NUMERIC_PART = Pattern.compile("0x[0-9a-f]*|\\d+");

  private Addresses() {}

  /** Four decimal parts of at most 255, without leading zeros. */
  static boolean isCanonicalIpv4(String s) {
    if (!CANONICAL_IPV4.matcher(s).matches()) {
      return false;
    }
    for (String part : s.split("\\.")) {
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  /**
   * The dotted quad an inet_aton-style reader would make of an odd spelling: dword {@code
   * 2130706433}, hex {@code 0x7f000001} or {@code 0x7f.0.0.1}, octal {@code 0177.0.0.1}, short
   * {@code 127.1}, zero-padded {@code 127.000.000.001}. Empty when the host is not numeric at all
   * or is already canonical.
   */
  static Optional<String> oddIpv4Spelling(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    if (h.isEmpty() || isCanonicalIpv4(h)) {
      return Optional.empty();
    }
    String[] parts = h.split("\\.", -1);
    if (parts.length > 4) {
      return Optional.empty();
    }
    BigInteger[] values = new BigInteger[parts.length];
    for (int i = 0; i < parts.length; i++) {
      if (!NUMERIC_PART.matcher(parts[i]).matches()) {
        return Optional.empty();
      }
      values[i] = value(parts[i]);
    }
    // the last part fills the remaining bytes, as inet_aton does
    long address = 0;
    for (int i = 0; i < values.length - 1; i++) {
      address = (address << 8) | (values[i].longValue() & 0xff);
    }
    int restBytes = 4 - (values.length - 1);
    long last = values[values.length - 1].min(BigInteger.valueOf(0xffffffffL)).longValue();
    address = (address << (8 * restBytes)) | (last & ((1L << (8 * restBytes)) - 1));
    return Optional.of(
        ((address >> 24) & 0xff)
            + "."
            + ((address >> 16) & 0xff)
            + "."
            + ((address >> 8) & 0xff)
            + "."
            + (address & 0xff));
  }

  private static BigInteger value(String part) {
    if (part.startsWith("0x")) {
      return part.length() == 2 ? BigInteger.ZERO : new BigInteger(part.substring(2), 16);
    }
    if (part.length() > 1
        && part.startsWith("0")
        && part.chars().allMatch(c -> c >= '0' && c <= '7')) {
      return new BigInteger(part.substring(1), 8);
    }
    return new BigInteger(part);
  }
}
