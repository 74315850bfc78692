package dev.xtreamdoctor.engine;

import java.nio.charset.StandardCharsets;
import java.util.zip.Adler32;
import java.util.zip.CRC32;

/**
 * A 64-bit content hash (CRC-32 and Adler-32 of the same bytes) that tells versions of our own
 * files apart: rule sets and the code that compiled them. Not a security hash, and it need not be
 * one: nobody gains by forging a collision with their own rules. Chosen over SHA-256 for start-up
 * time: both checksums are native code, fast before the JIT has compiled anything, where hashing
 * the rule set with SHA-256 cost ~60 ms of a short run's CPU.
 */
final class Fingerprint {
  private final CRC32 crc = new CRC32();
  private final Adler32 adler = new Adler32();

  /** Adds a piece, ended by a NUL so that ("ab", "c") and ("a", "bc") differ. */
  Fingerprint add(String piece) {
    byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
    crc.update(bytes);
    adler.update(bytes);
    crc.update(0);
    adler.update(0);
    return this;
  }

  /** Sixteen hex digits. */
  String hex() {
    return String.format("%08x%08x", crc.getValue(), adler.getValue());
  }
}
