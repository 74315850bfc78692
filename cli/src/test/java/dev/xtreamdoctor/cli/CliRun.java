package dev.xtreamdoctor.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/**
 * One run of the command line in this JVM, with captured output.
 *
 * @param exitCode what the process would exit with
 * @param out standard output
 * @param err standard error
 */
record CliRun(int exitCode, String out, String err) {

  static CliRun run(String... args) {
    return run(new Terminal(stdin(""), Map.of(), false, StandardCharsets.UTF_8), args);
  }

  static CliRun run(Terminal terminal, String... args) {
    CommandLine cmd = XtreamDoctorCommand.commandLine(terminal, args);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  static ByteArrayInputStream stdin(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}
