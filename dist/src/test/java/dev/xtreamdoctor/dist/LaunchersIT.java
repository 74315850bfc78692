package dev.xtreamdoctor.dist;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.xtreamdoctor.cli.Terminal;
import dev.xtreamdoctor.cli.XtreamDoctorCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a user gets it: unpacked into an empty folder, its launcher run in real
 * processes with the Java it finds (or fails to find), its completion script in a real shell.
 */
@DisabledOnOs(OS.WINDOWS)
class LaunchersIT {
  @TempDir static Path unpacked;
  static Path home;
  static Path launcher;

  @TempDir Path tmp;

  @BeforeAll
  static void unpack() throws Exception {
    Path archive = Path.of(System.getProperty("release.archive"));
    Run tar = run(List.of("tar", "xzf", archive.toString(), "-C", unpacked.toString()), Map.of());
    assertEquals(0, tar.exit(), tar.toString());
    try (Stream<Path> top = Files.list(unpacked)) {
      home = top.findFirst().orElseThrow();
    }
    assertEquals(
        archive.getFileName().toString().replace(".tar.gz", ""), home.getFileName().toString());
    launcher = home.resolve("bin/xtream-doctor");
  }

  @Test
  void theArchiveHoldsTheProgramItsLaunchersCompletionManPagesLicenceAndReadme() throws Exception {
    for (String file :
        List.of(
            "lib/xtream-doctor.jar",
            "bin/xtream-doctor",
            "bin/xtream-doctor.cmd",
            "completion/xtream-doctor",
            "LICENSE",
            "README.md")) {
      assertTrue(Files.isRegularFile(home.resolve(file)), file);
    }
    assertEquals(
        "rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(launcher)));
    assertTrue(Files.readString(home.resolve("LICENSE")).contains("Apache License"));
    assertTrue(Files.readString(home.resolve("bin/xtream-doctor.cmd")).contains("\r\n"));
    // A man page for the program and for each command, in troff.
    List<String> pages = new ArrayList<>(List.of("xtream-doctor.1"));
    Terminal none = new Terminal(InputStream.nullInputStream(), Map.of(), false, UTF_8);
    XtreamDoctorCommand.commandLine(none)
        .getSubcommands()
        .keySet()
        .forEach(name -> pages.add("xtream-doctor-" + name + ".1"));
    pages.add("xtream-doctor-rules-check.1");
    for (String page : pages) {
      String troff = Files.readString(home.resolve("man/man1").resolve(page));
      String title = page.replace(".1", "").toUpperCase(Locale.ROOT).replace("-", "\\-");
      assertTrue(troff.contains(".TH \"" + title + "\" \"1\""), page);
      assertTrue(troff.contains(".SH \"SYNOPSIS\""), page);
    }
    // The zip holds the same files.
    Set<String> inTar = new TreeSet<>();
    try (Stream<Path> files = Files.walk(home)) {
      files
          .filter(Files::isRegularFile)
          .forEach(f -> inTar.add(unpacked.relativize(f).toString().replace('\\', '/')));
    }
    Set<String> inZip = new TreeSet<>();
    try (ZipFile zip = new ZipFile(System.getProperty("release.zip"))) {
      zip.stream().filter(e -> !e.isDirectory()).forEach(e -> inZip.add(e.getName()));
    }
    assertEquals(inTar, inZip);
  }

  @Test
  void runsWithTheJavaOfJavaHome() throws Exception {
    Run r = launch(List.of("--version"), Map.of("JAVA_HOME", javaHome(), "PATH", tools()));
    assertEquals(0, r.exit(), r.toString());
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.get(0).matches("xtream-doctor \\d+\\.\\d+\\.\\d+.*"), r.toString());
    assertTrue(lines.get(1).matches("rules [0-9a-f]+ \\(bundled\\)"), r.toString());
    assertEquals("", r.err(), r.toString());
  }

  @Test
  void runsWithTheJavaOnPathAndThroughASymbolicLink() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("java"), Path.of(javaHome(), "bin", "java"));
    Path link = Files.createSymbolicLink(tmp.resolve("xd"), launcher);
    Run r = run(List.of(link.toString(), "demo", "--help"), Map.of("PATH", bin + ":" + tools()));
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().startsWith("Usage: xtream-doctor demo"), r.toString());
  }

  @Test
  void refusesAnOldJavaInOneLineSayingWhatToDo() throws Exception {
    // Known by its release file, as a JDK 11 has one...
    Path jdk11 = fakeJava("jdk11", "JAVA_VERSION=\"11.0.2\"", "openjdk version \"11.0.2\"");
    Run r = launch(List.of("demo"), Map.of("JAVA_HOME", jdk11.toString(), "PATH", tools()));
    assertRefused(r, "needs Java 17 or newer, but " + jdk11 + "/bin/java is Java 11");
    // ...or by what -version says, as a Java 8 without one.
    Path java8 = fakeJava("java8", null, "java version \"1.8.0_402\"");
    r = launch(List.of("demo"), Map.of("JAVA_HOME", java8.toString(), "PATH", tools()));
    assertRefused(r, "is Java 8");
  }

  @Test
  void saysWhatToDoWithoutJava() throws Exception {
    Run none = launch(List.of("demo"), Map.of("PATH", tools()));
    assertRefused(none, "no Java found: install a Java 17 or newer runtime");
    Run badHome = launch(List.of("demo"), Map.of("JAVA_HOME", tmp.toString(), "PATH", tools()));
    assertRefused(badHome, "JAVA_HOME is '" + tmp + "', but it has no bin/java");
  }

  @Test
  void simulateTellsToPasteTheLauncherThatRanIt() throws Exception {
    Run r =
        launch(
            List.of("simulate", "--for", "0"),
            Map.of("JAVA_HOME", javaHome(), "PATH", tools(), "XDG_CACHE_HOME", tmp.toString()));
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains(" " + launcher + " diagnose --server "), r.toString());
  }

  @Test
  void bashCompletesCommandsOptionsAndValues() throws Exception {
    assertEquals(List.of("diagnose"), complete("bash", "xtream-doctor", "dia"));
    assertEquals(List.of("--format"), complete("bash", "xtream-doctor", "diagnose", "--for"));
    assertTrue(complete("bash", "xtream-doctor", "rules", "").contains("check"));
    assertEquals(
        List.of("text", "json", "markdown"),
        complete("bash", "xtream-doctor", "diagnose", "--format", ""));
  }

  @Test
  void zshCompletesThroughItsBashCompatibility() throws Exception {
    assumeTrue(
        run(List.of("sh", "-c", "command -v zsh"), Map.of()).exit() == 0, "zsh is not installed");
    // zsh's compgen hands over every candidate; zsh itself keeps those matching what was typed.
    assertTrue(complete("zsh", "xtream-doctor", "dia").contains("diagnose"));
    assertTrue(complete("zsh", "xtream-doctor", "simulate", "--").contains("--scenario"));
    assertTrue(complete("zsh", "xtream-doctor", "diagnose", "--format", "").contains("json"));
    // Sourced in zsh, the script registers itself with zsh's completion system.
    String script =
        "source '"
            + home.resolve("completion/xtream-doctor")
            + "'\n"
            + "print -r -- \"${_comps[xtream-doctor]}\"\n";
    Run r = run(List.of("zsh", "-c", script), Map.of("HOME", tmp.toString()));
    assertTrue(r.out().startsWith("_bash_complete -F _complete_xtream-doctor"), r.toString());
  }

  @Test
  void theRepositoryLauncherWithoutMavenSaysInstallMavenOrUseTheArchive() throws Exception {
    // A checkout with no jar built, on a machine without Maven.
    Path checkout = Files.createDirectories(tmp.resolve("checkout"));
    Path script = checkout.resolve("xtream-doctor");
    Files.copy(Path.of(System.getProperty("repo.launcher")), script);
    Run r = run(List.of("bash", script.toString(), "demo"), Map.of("PATH", tools()));
    assertRefused(r, "Maven (mvn) is not installed: install Maven, or use the release archive");
  }

  @Test
  void theRepositoryLauncherRebuildsWhenAFileOfAnyReactorModuleChanges() throws Exception {
    // A checkout with the real parent pom, one source file in each module it lists and the
    // example facts, a jar built after all of them, a java that only says it ran and an mvn that
    // only notes its call and "builds" the jar (writes it anew).
    Path checkout = Files.createDirectories(tmp.resolve("checkout"));
    Path repoLauncher = Path.of(System.getProperty("repo.launcher"));
    Files.copy(repoLauncher, checkout.resolve("xtream-doctor"));
    Files.copy(repoLauncher.resolveSibling("pom.xml"), checkout.resolve("pom.xml"));
    List<String> modules = reactorModules(Files.readString(checkout.resolve("pom.xml")));
    assertTrue(
        modules.containsAll(List.of("rules", "engine", "cli", "service", "features")),
        modules.toString());
    List<Path> watched = new ArrayList<>();
    for (String module : modules) {
      watched.add(
          write(checkout.resolve(module).resolve("src/main/java/Some.java"), "class Some {}"));
    }
    watched.add(write(checkout.resolve("features/login.feature"), "Feature: x"));
    watched.add(write(checkout.resolve("examples/facts/some.json"), "{}"));
    Path built = write(checkout.resolve("service/target/classes/Built.class"), "");
    Path jar = write(checkout.resolve("cli/target/xtream-doctor.jar"), "");
    Path calls = tmp.resolve("mvn-calls");
    Path bin = Path.of(tools());
    write(bin.resolve("mvn"), "#!/bin/sh\necho \"mvn $*\" >> '" + calls + "'\n: > '" + jar + "'\n");
    Files.setPosixFilePermissions(bin.resolve("mvn"), PosixFilePermissions.fromString("rwxr-xr-x"));
    Path java = write(tmp.resolve("jdk/bin/java"), "#!/bin/sh\necho java ran\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, String> env =
        Map.of("PATH", bin.toString(), "JAVA_HOME", tmp.resolve("jdk").toString());
    List<String> launch = List.of("bash", checkout.resolve("xtream-doctor").toString(), "demo");

    long base = System.currentTimeMillis() - 3_600_000;
    List<Path> all = new ArrayList<>(watched);
    all.add(built);
    all.add(checkout.resolve("pom.xml"));
    for (Path touched : all) {
      for (Path p : all) {
        Files.setLastModifiedTime(p, FileTime.fromMillis(base));
      }
      Files.setLastModifiedTime(jar, FileTime.fromMillis(base + 60_000));
      Files.deleteIfExists(calls);
      Run unchanged = run(launch, env);
      assertEquals(0, unchanged.exit(), unchanged.toString());
      assertFalse(Files.exists(calls), "rebuilt though nothing changed: " + unchanged);

      Files.setLastModifiedTime(touched, FileTime.fromMillis(base + 120_000));
      Run r = run(launch, env);
      assertEquals(0, r.exit(), r.toString());
      assertTrue(r.out().contains("java ran"), r.toString());
      if (touched.equals(built)) {
        assertFalse(Files.exists(calls), "build output is not a change: " + r);
      } else {
        assertTrue(r.err().contains("building the jar"), touched + " changed, but: " + r);
        assertEquals(
            "mvn -B -q -ntp -Dstyle.color=never -DskipTests package -pl cli -am\n",
            Files.readString(calls),
            touched.toString());
      }
    }
  }

  /** The modules of the pom's first modules block (the build's own, not a profile's). */
  private static List<String> reactorModules(String pom) {
    String block = pom.substring(pom.indexOf("<modules>"), pom.indexOf("</modules>"));
    return Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>")
        .matcher(block)
        .results()
        .map(m -> m.group(1))
        .toList();
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private static void assertRefused(Run r, String message) {
    assertEquals(2, r.exit(), r.toString());
    assertEquals("", r.out(), r.toString());
    assertEquals(1, r.err().lines().count(), r.toString());
    assertTrue(r.err().startsWith("xtream-doctor: "), r.toString());
    assertTrue(r.err().contains(message), r.toString());
  }

  /** The candidates the shell's completion function offers for the last word. */
  private List<String> complete(String shell, String... words) throws Exception {
    StringBuilder array = new StringBuilder();
    for (String w : words) {
      array.append(" '").append(w).append("'");
    }
    // zsh's bashcompinit calls the function with 0-based arrays (ksharrays), as bash has them.
    String script =
        "source '"
            + home.resolve("completion/xtream-doctor")
            + "'\n"
            + (shell.equals("zsh") ? "setopt ksharrays\n" : "")
            + "COMP_WORDS=("
            + array
            + ")\n"
            + "COMP_CWORD="
            + (words.length - 1)
            + "\n"
            + "COMP_LINE=\"${COMP_WORDS[*]}\"\n"
            + "COMP_POINT=${#COMP_LINE}\n"
            + "_complete_xtream-doctor 2>/dev/null\n"
            + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    Run r = run(List.of(shell, "-c", script), Map.of("HOME", tmp.toString()));
    assertEquals(0, r.exit(), r.toString());
    return r.out().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** A JAVA_HOME whose java only prints a version, with or without a release file. */
  private Path fakeJava(String name, String release, String versionLine) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name).resolve("bin"));
    Path java = dir.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho '" + versionLine + " 2024-01-16' >&2\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    if (release != null) {
      Files.writeString(dir.getParent().resolve("release"), release + "\n");
    }
    return dir.getParent();
  }

  private static String javaHome() {
    return System.getProperty("java.home");
  }

  /**
   * A PATH with the everyday tools the launchers use and nothing else: no java, no mvn. Made of
   * links, because on most machines /usr/bin holds both.
   */
  private String tools() throws Exception {
    Path bin = tmp.resolve("tools");
    if (!Files.isDirectory(bin)) {
      Files.createDirectories(bin);
      for (String tool :
          List.of(
              "sh",
              "bash",
              "ls",
              "sed",
              "dirname",
              "uname",
              "head",
              "readlink",
              "cksum",
              "cut",
              "find",
              "rm",
              "mv")) {
        Run which = run(List.of("sh", "-c", "command -v " + tool), Map.of());
        assertEquals(0, which.exit(), tool + " is not installed");
        Files.createSymbolicLink(bin.resolve(tool), Path.of(which.out().strip()));
      }
    }
    return bin.toString();
  }

  private Run launch(List<String> args, Map<String, String> env) throws Exception {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(args);
    return run(command, env);
  }

  record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  /** A real process with exactly this environment (PATH included: nothing is inherited). */
  private static Run run(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().clear();
    pb.environment().putAll(env);
    if (!env.containsKey("PATH")) {
      pb.environment().put("PATH", System.getenv("PATH"));
    }
    Process p = pb.start();
    p.getOutputStream().close();
    CompletableFuture<String> out = read(p, true);
    CompletableFuture<String> err = read(p, false);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "still running: " + command);
    return new Run(p.exitValue(), out.get(), err.get());
  }

  private static CompletableFuture<String> read(Process p, boolean stdout) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return new String(
                (stdout ? p.getInputStream() : p.getErrorStream()).readAllBytes(), UTF_8);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }
}
