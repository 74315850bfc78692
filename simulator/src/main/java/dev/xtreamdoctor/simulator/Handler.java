package dev.xtreamdoctor.simulator;

/** A site behind a simulated server: a panel, a block page, a plain nginx. */
@FunctionalInterface
public interface Handler {
  Reply handle(Request request);
}
