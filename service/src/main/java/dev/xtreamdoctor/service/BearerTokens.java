package dev.xtreamdoctor.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The configured bearer tokens. Tokens are kept only as SHA-256 digests and compared in constant
 * time (every digest is compared, whatever matched), so neither timing nor a heap dump gives a
 * token away. A caller is known by a short id derived from its token's digest.
 */
final class BearerTokens {
  private final List<byte[]> digests;

  BearerTokens(List<String> tokens) {
    this.digests = tokens.stream().map(BearerTokens::digest).toList();
  }

  /** The caller's id when the Authorization header holds a known bearer token. */
  Optional<String> caller(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    byte[] presented = digest(authorization.substring(7).strip());
    boolean known = false;
    for (byte[] d : digests) {
      known |= MessageDigest.isEqual(d, presented);
    }
    return known
        ? Optional.of("token-" + HexFormat.of().formatHex(presented, 0, 4))
        : Optional.empty();
  }

  private static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
