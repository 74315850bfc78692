package dev.xtreamdoctor.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;

/** The program's entry point, and the only place that exits the JVM. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0 && (args[0].equals("simulate") || args[0].equals("watch"))) {
      StopOnSignal.installEarly();
    }
    Terminal terminal = Terminal.system();
    if (XtreamDoctor.runsACommand(args)) {
      DroolsSettings.install();
    }
    Engines.preload(args, terminal);
    var cmd = XtreamDoctor.commandLine(terminal, args);
    // Write in the terminal's charset, so the marks the renderer picks are the ones that show.
    cmd.setOut(new PrintWriter(new OutputStreamWriter(System.out, terminal.charset()), true));
    cmd.setErr(new PrintWriter(new OutputStreamWriter(System.err, terminal.charset()), true));
    StopOnSignal.exit(cmd.execute(args));
  }
}
