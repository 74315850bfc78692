package dev.xtreamdoctor.simulator;

/** What a simulated server does with one request: answer it, or one of the socket-level faults. */
public sealed interface Reply {

  /** Send this HTTP answer. */
  record Answer(Response response) implements Reply {}

  /** Keep the connection open and never send a byte (until the server closes). */
  record Hang() implements Reply {}

  /** Abort the connection with a TCP RST. */
  record Reset() implements Reply {}

  /** Close the connection cleanly without sending anything (an "empty reply"). */
  record EmptyReply() implements Reply {}

  /**
   * Hang this connection and, from now on, drop every new one at the TCP level (connect times out),
   * like the iptables DROP a panel adds after a flood ban.
   */
  record Drop() implements Reply {}

  /**
   * Write these bytes as they are (status line and headers included), then close: for answers no
   * well-behaved server gives, streamed so that an endless or huge one costs the simulator no
   * memory (see {@link Hostile}).
   */
  record Raw(RawWriter writer) implements Reply {}

  /** Writes a raw answer; it may stop at any time when the client goes away (an IOException). */
  @FunctionalInterface
  interface RawWriter {
    void write(java.io.OutputStream out) throws java.io.IOException;
  }

  static Reply answer(Response response) {
    return new Answer(response);
  }

  static Reply hang() {
    return new Hang();
  }

  static Reply reset() {
    return new Reset();
  }

  static Reply emptyReply() {
    return new EmptyReply();
  }

  static Reply drop() {
    return new Drop();
  }

  static Reply raw(RawWriter writer) {
    return new Raw(writer);
  }
}
