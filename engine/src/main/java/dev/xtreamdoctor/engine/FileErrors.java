package dev.xtreamdoctor.engine;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * Why a file a person named could not be read, in the few words they need: one mapping for every
 * command and loader, so the same problem reads the same everywhere ({@code FILE: no such file}).
 * Never the exception's own message for the known cases: a decoder's message could quote the file's
 * content, which may be a password.
 */
public final class FileErrors {
  private FileErrors() {}

  /**
   * The words for a known problem (missing, not allowed, not UTF-8), else {@code otherwise}.
   *
   * @param otherwise what to say for any other read failure
   */
  public static String describe(IOException e, String otherwise) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof CharacterCodingException) {
      return "not UTF-8 text";
    }
    return otherwise;
  }
}
