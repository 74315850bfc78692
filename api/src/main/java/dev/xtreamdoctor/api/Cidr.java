package dev.xtreamdoctor.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * An address range such as {@code 10.0.0.0/8} or {@code fc00::/7}; a bare address is a range of
 * one. IPv4 ranges hold IPv4 addresses only: {@code ::ffff:10.0.0.1} is matched because Java reads
 * it as the IPv4 address, other IPv6 forms that embed one are the guard's business.
 *
 * @param network the first address, as bytes (4 or 16)
 * @param prefix the number of leading bits that must match
 */
public record Cidr(byte[] network, int prefix) {
  private static final Pattern TEXT = Pattern.compile("[0-9A-Fa-f:.]+(/\\d{1,3})?");

  public Cidr {
    network = network.clone();
  }

  /**
   * Parses {@code address[/prefix]} written in the canonical way (dotted quad or IPv6 hex); never
   * looks anything up.
   *
   * @throws IllegalArgumentException when the text is not such a range
   */
  public static Cidr parse(String text) {
    String t = text.strip();
    if (!TEXT.matcher(t).matches()) {
      throw new IllegalArgumentException("not an address range: " + text);
    }
    int slash = t.indexOf('/');
    String address = slash < 0 ? t : t.substring(0, slash);
    if (address.indexOf(':') < 0 && !Addresses.isCanonicalIpv4(address)) {
      throw new IllegalArgumentException("not an address range: " + text);
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(address).getAddress(); // a literal: no lookup
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an address range: " + text, e);
    }
    int max = bytes.length * 8;
    int prefix = slash < 0 ? max : Integer.parseInt(t.substring(slash + 1));
    if (prefix > max) {
      throw new IllegalArgumentException("prefix longer than the address: " + text);
    }
    return new Cidr(bytes, prefix);
  }

  /** Whether the address lies in this range (an IPv4 range never holds an IPv6 address). */
  public boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    return a.length == network.length && matches(a);
  }

  /** Whether raw address bytes of the same family lie in this range. */
  boolean matches(byte[] a) {
    if (a.length != network.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (a[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (a[full] & mask) == (network[full] & mask);
  }

  public boolean ipv4() {
    return network.length == 4;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.network, network);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(network) * 31 + prefix;
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
    } catch (UnknownHostException e) {
      return "?/" + prefix;
    }
  }
}
