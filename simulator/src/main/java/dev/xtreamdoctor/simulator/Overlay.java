package dev.xtreamdoctor.simulator;

/**
 * A layer in front of a site: a user-agent filter, Cloudflare, flood protection, a fault. It may
 * answer by itself, or call {@code next} and change what comes back.
 */
@FunctionalInterface
public interface Overlay {
  Reply handle(Request request, Handler next);

  /** This overlay placed in front of a handler. */
  default Handler wrap(Handler next) {
    return request -> handle(request, next);
  }
}
