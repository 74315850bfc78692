package dev.xtreamdoctor.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) and SIGTERM as a request to stop, for a command that runs until stopped: the
 * command's own thread winds down and the process ends with the exit code the command returns, as
 * its help states, instead of the JVM's 130 or 143 with the command cut off mid-way.
 *
 * <p>The JVM turns either signal into a shutdown, and a shutdown hook cannot choose the exit code;
 * so the hook wakes the command and waits for {@link #exit(int)}, which then ends the process with
 * the command's code (Runtime.halt: System.exit would wait for the hook, which waits for it).
 */
final class StopOnSignal implements AutoCloseable {
  /** How long a signal waits for the command to finish before the JVM ends the process itself. */
  private static final long GRACE_SECONDS = 10;

  private static final CountDownLatch EXIT_DECIDED = new CountDownLatch(1);
  private static volatile int exitCode = ExitCode.INTERNAL;

  private final CountDownLatch requested = new CountDownLatch(1);
  private final Thread hook = new Thread(this::onSignal, "stop-on-signal");

  private StopOnSignal() {}

  /** Installed by Main before the command line is parsed, for the command to take over. */
  private static volatile StopOnSignal early;

  /**
   * For a command that stops on a signal, called by Main as early as it can be: a signal while the
   * JVM loads the command's classes still gets the command's exit code.
   */
  static void installEarly() {
    early = install();
  }

  /** From now until {@link #close()}, a signal asks the command to stop. */
  static StopOnSignal install() {
    StopOnSignal installed = early;
    if (installed != null) {
      early = null;
      return installed;
    }
    StopOnSignal stop = new StopOnSignal();
    try {
      Runtime.getRuntime().addShutdownHook(stop.hook);
    } catch (IllegalStateException shuttingDown) {
      // A signal came before this: stop at once.
      stop.requested.countDown();
    }
    return stop;
  }

  /** Waits for a signal, at most SECONDS (null: as long as it takes). */
  void await(Integer seconds) throws InterruptedException {
    if (seconds == null) {
      requested.await();
    } else {
      requested.await(seconds, TimeUnit.SECONDS);
    }
  }

  /** Waits for a signal at most {@code millis}; true when one came (now or before). */
  boolean awaitMillis(long millis) throws InterruptedException {
    return requested.await(Math.max(0, millis), TimeUnit.MILLISECONDS);
  }

  /** The command is over: a signal from now on ends the process the JVM's way. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // A signal came: the hook is waiting for exit() to give the command's exit code.
    }
  }

  private void onSignal() {
    requested.countDown();
    try {
      if (EXIT_DECIDED.await(GRACE_SECONDS, TimeUnit.SECONDS)) {
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(exitCode);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The end of the program (only Main calls this): exits with CODE, even after a signal. */
  static void exit(int code) {
    exitCode = code;
    EXIT_DECIDED.countDown();
    System.exit(code);
  }
}
