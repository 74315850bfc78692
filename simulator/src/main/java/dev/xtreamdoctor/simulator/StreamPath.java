package dev.xtreamdoctor.simulator;

import java.util.Optional;
import java.util.Set;

/**
 * A stream URL's credentials: {@code /live/U/P/1.ts}, {@code /movie/U/P/2.mp4}, {@code
 * /series/U/P/3.mkv}, {@code /timeshift/U/P/60/2024-01-15:14-00/1.ts} and the short {@code
 * /U/P/1[.ts]}.
 */
record StreamPath(String kind, String username, String password) {
  private static final Set<String> KINDS = Set.of("live", "movie", "series");
  private static final int TS_PACKET = 188;

  static Optional<StreamPath> parse(String path) {
    String[] p = path.split("/", -1);
    if (p.length == 5 && KINDS.contains(p[1]) && isStreamId(p[4])) {
      return Optional.of(new StreamPath(p[1], p[2], p[3]));
    }
    if (p.length == 7 && p[1].equals("timeshift") && isStreamId(p[6])) {
      return Optional.of(new StreamPath("timeshift", p[2], p[3]));
    }
    if (p.length == 4 && !p[1].isEmpty() && !p[2].isEmpty() && isStreamId(p[3])) {
      return Optional.of(new StreamPath("live", p[1], p[2]));
    }
    return Optional.empty();
  }

  private static boolean isStreamId(String segment) {
    return segment.matches("\\d+(\\.[A-Za-z0-9]+)?");
  }

  /** Ten MPEG-TS null packets: enough bytes for a client to see a stream start. */
  static byte[] nullTransportStream() {
    byte[] bytes = new byte[TS_PACKET * 10];
    for (int i = 0; i < bytes.length; i += TS_PACKET) {
      bytes[i] = 0x47; // sync byte
      bytes[i + 1] = 0x1F; // PID 0x1FFF: null packet
      bytes[i + 2] = (byte) 0xFF;
      bytes[i + 3] = 0x10;
      for (int j = 4; j < TS_PACKET; j++) {
        bytes[i + j] = (byte) 0xFF;
      }
    }
    return bytes;
  }
}
