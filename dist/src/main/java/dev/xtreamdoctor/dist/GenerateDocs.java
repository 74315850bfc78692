package dev.xtreamdoctor.dist;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.xtreamdoctor.cli.Terminal;
import dev.xtreamdoctor.cli.XtreamDoctorCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.asciidoctor.Asciidoctor;
import org.asciidoctor.Options;
import org.asciidoctor.SafeMode;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build time only: the shell completion script and the man pages (AsciiDoc, turned into troff by
 * the build) of every command, made from the same picocli model the program runs, so they cannot
 * drift from the real options.
 */
public final class GenerateDocs {
  private GenerateDocs() {}

  /** {@code GenerateDocs VERSION COMPLETION_FILE ADOC_DIR MAN_DIR}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      throw new IllegalArgumentException(
          "usage: GenerateDocs VERSION COMPLETION_FILE ADOC_DIR MAN_DIR");
    }
    // As a pipe sees it: no colour, no terminal; every command in the model.
    Terminal build = new Terminal(InputStream.nullInputStream(), Map.of(), false, UTF_8);
    CommandLine cmd = XtreamDoctorCommand.commandLine(build);
    // The pages' footer names the release; -V's rules and Java lines belong to a run, not here.
    versionEverywhere(cmd, "xtream-doctor " + args[0]);

    Path completion = Path.of(args[1]);
    Files.createDirectories(completion.toAbsolutePath().getParent());
    // One script for bash and zsh: picocli's script turns on zsh's bashcompinit itself.
    Files.writeString(completion, AutoComplete.bash("xtream-doctor", cmd), UTF_8);

    Path adoc = Path.of(args[2]);
    Files.createDirectories(adoc);
    int status =
        ManPageGenerator.generateManPage(
            adoc.toFile(), null, new boolean[0], true, cmd.getCommandSpec());
    if (status != 0) {
      throw new IOException("the man page generator failed with status " + status);
    }
    toTroff(adoc, Path.of(args[3]));
  }

  private static void versionEverywhere(CommandLine cmd, String version) {
    cmd.getCommandSpec().versionProvider(null).version(version);
    cmd.getSubcommands().values().forEach(sub -> versionEverywhere(sub, version));
  }

  /** Each AsciiDoc page as a man page (NAME.1), with Asciidoctor's manpage backend. */
  private static void toTroff(Path adoc, Path man) throws IOException {
    Files.createDirectories(man);
    List<Path> pages;
    try (Stream<Path> files = Files.list(adoc)) {
      pages = files.filter(f -> f.toString().endsWith(".adoc")).sorted().toList();
    }
    try (Asciidoctor asciidoctor = Asciidoctor.Factory.create()) {
      for (Path page : pages) {
        asciidoctor.convertFile(
            page.toFile(),
            Options.builder()
                .backend("manpage")
                .safe(SafeMode.UNSAFE)
                .toDir(man.toFile())
                .mkDirs(true)
                .build());
      }
    }
  }
}
