package dev.xtreamdoctor.probes;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Counts the bytes a server sent on one connection and keeps the first few, so a reply that is not
 * HTTP at all can say what it looked like (a TLS record, an SSH banner) without keeping it.
 */
final class ByteTap {
  static final int HEAD = 16;

  private final byte[] head = new byte[HEAD];
  private int kept;
  private long total;

  synchronized void seen(byte[] b, int off, int len) {
    int room = Math.min(HEAD - kept, len);
    if (room > 0) {
      System.arraycopy(b, off, head, kept, room);
      kept += room;
    }
    total += len;
  }

  /** The first bytes received (at most {@value #HEAD}). */
  synchronized byte[] head() {
    return Arrays.copyOf(head, kept);
  }

  /** All bytes received so far. */
  synchronized long total() {
    return total;
  }

  /** The stream, counted. */
  InputStream wrap(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          seen(new byte[] {(byte) b}, 0, 1);
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          seen(b, off, n);
        }
        return n;
      }
    };
  }
}
