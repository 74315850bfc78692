package dev.xtreamdoctor.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A request body as the API takes it: JSON by its exact media type, at most {@code max} bytes,
 * valid UTF-8. Each refusal is a {@link Problem} that says which rule was broken.
 */
final class RequestBody {
  /** A body refused before it was parsed. */
  static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Problem problem;
    final boolean closeConnection;

    Refused(Problem problem, boolean closeConnection) {
      super(problem.detail(), null, false, false);
      this.problem = problem;
      this.closeConnection = closeConnection;
    }
  }

  private RequestBody() {}

  /**
   * True for {@code application/json}, alone or with {@code charset=utf-8}; not for look-alikes
   * such as {@code application/jsonx} or {@code application/json-seq}.
   */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String[] parts = contentType.split(";");
    if (!parts[0].strip().toLowerCase(Locale.ROOT).equals("application/json")) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].strip().toLowerCase(Locale.ROOT).replace("\"", "");
      if (!p.isEmpty() && !p.equals("charset=utf-8")) {
        return false;
      }
    }
    return true;
  }

  /**
   * The body as text. An oversized body is still read and thrown away up to eight times the limit,
   * so the client receives the 413 instead of a reset; beyond that the connection is closed.
   */
  static String read(String contentType, String contentLength, InputStream in, int max)
      throws Refused, IOException {
    if (!isJson(contentType)) {
      throw new Refused(
          Problem.of(
              415,
              "unsupported-media-type",
              "Unsupported media type",
              "send the body as application/json (charset utf-8 if any)"),
          false);
    }
    long drainLimit = 8L * max;
    long declared = -1;
    if (contentLength != null) {
      try {
        declared = Long.parseLong(contentLength.strip());
      } catch (NumberFormatException e) {
        declared = Long.MAX_VALUE;
      }
    }
    Refused tooLarge =
        new Refused(
            Problem.of(
                413, "too-large", "Request too large", "the body is larger than " + max + " bytes"),
            declared > drainLimit);
    if (declared > drainLimit) {
      throw tooLarge;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    long seen = 0;
    int r;
    while ((r = in.read(buf)) >= 0) {
      seen += r;
      if (seen > drainLimit) {
        throw new Refused(tooLarge.problem, true);
      }
      if (seen <= max) {
        out.write(buf, 0, r);
      }
    }
    if (seen > max) {
      throw tooLarge;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(out.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new Refused(
          Problem.of(400, "bad-request", "Bad request", "the body is not valid UTF-8"), false);
    }
  }
}
