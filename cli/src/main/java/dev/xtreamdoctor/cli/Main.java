package dev.xtreamdoctor.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;

/** The program's entry point, and the only place that exits the JVM. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    Terminal terminal = Terminal.system();
    StartUp.prepare(args, terminal);
    var cmd = XtreamDoctorCommand.commandLine(terminal, args);
    // Write in the terminal's charset, so the marks the renderer picks are the ones that show.
    cmd.setOut(new PrintWriter(new OutputStreamWriter(System.out, terminal.charset()), true));
    cmd.setErr(new PrintWriter(new OutputStreamWriter(System.err, terminal.charset()), true));
    StopOnSignal.exit(cmd.execute(args));
  }
}
