package dev.xtreamdoctor.cli;

import dev.xtreamdoctor.engine.Devices;
import dev.xtreamdoctor.engine.FactModel;
import dev.xtreamdoctor.engine.FileErrors;
import dev.xtreamdoctor.engine.facts.ReportedSymptoms;
import dev.xtreamdoctor.probes.ProbeRequest;
import dev.xtreamdoctor.probes.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The line to diagnose and what the user reported: the options {@code diagnose} and {@code watch}
 * share, and how they become a request (the password from one source, never echoed).
 */
public final class LineOptions {
  /** The environment variable a password can come from, so it stays out of the process list. */
  static final String PASSWORD_ENV = "XTREAM_PASSWORD";

  @Option(
      names = "--server",
      paramLabel = "URL",
      description = "The server URL as typed in the app, or a pasted playlist or API link.")
  String server;

  @Option(names = "--username", paramLabel = "U", description = "The username.")
  String username;

  @Option(
      names = "--password",
      paramLabel = "P",
      description =
          "The password (visible in the process list: prefer --password-file, --password-stdin"
              + " or "
              + PASSWORD_ENV
              + ").")
  String password;

  @Option(
      names = "--password-file",
      paramLabel = "FILE",
      description = "Read the password from the first line of FILE.")
  Path passwordFile;

  @Option(
      names = "--password-stdin",
      description = "Read the password from the first line of standard input.")
  boolean passwordStdin;

  @Option(
      names = "--app-message",
      paramLabel = "MESSAGE",
      description =
          "What the app showed, as the rules list it (app.CODE in catalogue.properties): in the"
              + " bundled rules invalid-details, login-failed, authorization-failed,"
              + " connection-timeout, host-not-found or other.")
  String appMessage;

  @Option(
      names = "--device",
      paramLabel = "DEVICE",
      description =
          "The failing device, as the rules list it (device.CODE in catalogue.properties): in the"
              + " bundled rules firestick, android-tv, android-phone, apple (iPhone, iPad, Apple TV),"
              + " samsung-tv, lg-tv, windows, macos, mag or other. Fixes show its menu paths.")
  String device;

  @Option(
      names = "--works-on-mobile-data",
      paramLabel = "yes|no",
      description = "The same login works on mobile data.")
  String worksOnMobileData;

  @Option(names = "--works-on-vpn", paramLabel = "yes|no", description = "It works through a VPN.")
  String worksOnVpn;

  @Option(
      names = "--works-on-other-device",
      paramLabel = "yes|no",
      description = "It works on another device.")
  String worksOnOtherDevice;

  @Option(
      names = "--fails-at-peak-hours",
      paramLabel = "yes|no",
      description = "It fails mostly in the evening or during live events.")
  String failsAtPeakHours;

  @Option(
      names = "--vantage",
      paramLabel = "WHERE",
      description = "Where the doctor runs: user-network (the user's own line) or remote.")
  String vantage;

  /** --server is needed to check a line (not to read a watch's history). */
  void requireServer() throws CliException {
    if (server == null) {
      throw CliException.badInput("Missing required option: '--server=URL'");
    }
  }

  /** Whether any of these options was given. */
  boolean given() {
    return server != null
        || username != null
        || password != null
        || passwordFile != null
        || passwordStdin
        || appMessage != null
        || device != null
        || worksOnMobileData != null
        || worksOnVpn != null
        || worksOnOtherDevice != null
        || failsAtPeakHours != null
        || vantage != null;
  }

  /**
   * The request these options describe, its password read once from its one source.
   *
   * @param appMessages what an app may show, as the rules in use list it
   */
  ProbeRequest request(Terminal terminal, List<String> appMessages, Devices devices)
      throws CliException {
    checkLengths();
    Optional<ReportedSymptoms> symptoms = symptoms(appMessages, devices);
    return new ProbeRequest(server, username, readPassword(terminal), symptoms);
  }

  /** One source at most; none means the pasted link's password, if it has one. */
  Secret readPassword(Terminal terminal) throws CliException {
    List<String> given = new ArrayList<>();
    if (password != null) {
      given.add("--password");
    }
    if (passwordFile != null) {
      given.add("--password-file");
    }
    if (passwordStdin) {
      given.add("--password-stdin");
    }
    if (given.size() > 1) {
      throw CliException.badInput(
          "give the password one way only, not " + String.join(" and ", given));
    }
    if (password != null) {
      return Secret.of(checked("--password", password));
    }
    if (passwordFile != null) {
      return Secret.of(firstLineOf(passwordFile));
    }
    if (passwordStdin) {
      return Secret.of(firstLineOfStdin(terminal));
    }
    String fromEnv = terminal.env().get(PASSWORD_ENV);
    return fromEnv == null ? null : Secret.of(checked(PASSWORD_ENV, fromEnv));
  }

  /** The server and username as given, refused when longer than any real one. */
  void checkLengths() throws CliException {
    checked("--server", server);
    if (username != null) {
      checked("--username", username);
    }
  }

  private static String checked(String source, String value) throws CliException {
    if (value.length() > ProbeRequest.MAX_CHARS) {
      throw CliException.badInput(
          source + ": longer than " + ProbeRequest.MAX_CHARS + " characters");
    }
    return value;
  }

  private static String firstLineOf(Path file) throws CliException {
    if (Files.isDirectory(file)) {
      throw CliException.badInput(file + ": is a directory");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return firstLine(file + ": ", in)
          .orElseThrow(() -> CliException.badInput(file + ": empty; no password in it"));
    } catch (IOException e) {
      // never the exception's message: a decoding error could quote the content
      throw CliException.badInput(
          file + ": " + FileErrors.describe(e, "cannot read the password file"));
    }
  }

  private static String firstLineOfStdin(Terminal terminal) throws CliException {
    try {
      // Not closed: standard input belongs to the process.
      return firstLine("--password-stdin: ", terminal.in())
          .orElseThrow(
              () ->
                  CliException.badInput(
                      "--password-stdin: standard input is closed or empty; no password was read"));
    } catch (IOException e) {
      throw CliException.badInput("cannot read the password from standard input");
    }
  }

  /**
   * The first line of {@code in}, read a character at a time and never past {@link
   * ProbeRequest#MAX_CHARS} (a password "file" may be /dev/zero or a film), without a byte-order
   * mark or line end; empty when the input ends before a single character.
   */
  static Optional<String> firstLine(String source, InputStream in)
      throws CliException, IOException {
    Reader r =
        new InputStreamReader(
            in,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    StringBuilder line = new StringBuilder();
    int c;
    boolean any = false;
    try {
      while ((c = r.read()) >= 0 && c != '\n') {
        any = true;
        if (line.length() == 0 && c == '\uFEFF') {
          continue; // a byte-order mark is the editor's, not part of the password
        }
        if (c == 0) {
          throw CliException.badInput(source + "holds a NUL character: not a password file");
        }
        if (line.length() >= ProbeRequest.MAX_CHARS) {
          throw CliException.badInput(
              source + "the first line is longer than " + ProbeRequest.MAX_CHARS + " characters");
        }
        line.append((char) c);
      }
    } catch (CharacterCodingException e) {
      throw CliException.badInput(source + "not UTF-8 text");
    }
    if (!any && c < 0) {
      return Optional.empty();
    }
    int end = line.length();
    if (end > 0 && line.charAt(end - 1) == '\r') {
      line.setLength(end - 1);
    }
    return Optional.of(line.toString());
  }

  /** What the user reported, if any of it was given; the app message one the rules list. */
  Optional<ReportedSymptoms> symptoms(List<String> appMessages, Devices devices)
      throws CliException {
    if (appMessage == null
        && device == null
        && worksOnMobileData == null
        && worksOnVpn == null
        && worksOnOtherDevice == null
        && failsAtPeakHours == null
        && vantage == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ReportedSymptoms(
            oneOf("--app-message", appMessage, appMessages),
            device == null ? "" : deviceCode(devices),
            yesNo("--works-on-mobile-data", worksOnMobileData),
            yesNo("--works-on-vpn", worksOnVpn),
            yesNo("--works-on-other-device", worksOnOtherDevice),
            yesNo("--fails-at-peak-hours", failsAtPeakHours),
            oneOf("--vantage", vantage, ReportedSymptoms.VANTAGES)));
  }

  /** --device as the code of one of the rules' devices, or a clear refusal. */
  private String deviceCode(Devices devices) throws CliException {
    return devices
        .code(device)
        .orElseThrow(() -> CliException.badInput("--device: " + devices.refusal(device, true)));
  }

  private static String yesNo(String option, String value) throws CliException {
    return oneOf(option, value, ReportedSymptoms.ANSWERS);
  }

  /** The value as the facts write it (lower case, underscores), if it is one of the known ones. */
  private static String oneOf(String option, String value, List<String> known) throws CliException {
    if (value == null) {
      return "";
    }
    String w = word(value);
    if (!known.contains(w)) {
      throw CliException.badInput(
          option
              + ": '"
              + value
              + "' is not one of "
              + String.join(", ", known.stream().map(k -> k.replace('_', '-')).toList())
              + FactModel.closest(w, known)
                  .map(k -> " (did you mean " + k.replace('_', '-') + "?)")
                  .orElse(""));
    }
    return w;
  }

  private static String word(String value) {
    return value.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
  }
}
