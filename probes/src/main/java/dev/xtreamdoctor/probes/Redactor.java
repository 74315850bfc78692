package dev.xtreamdoctor.probes;

/**
 * The engine's {@link dev.xtreamdoctor.engine.Redactor}, bound to one diagnosis's {@link Secret}
 * (which only this package may reveal). Every spelling the redactor knows lives there.
 */
final class Redactor {
  static final String MASK = dev.xtreamdoctor.engine.Redactor.MASK;

  private static final Redactor NONE = new Redactor(dev.xtreamdoctor.engine.Redactor.none());

  private final dev.xtreamdoctor.engine.Redactor engine;

  private Redactor(dev.xtreamdoctor.engine.Redactor engine) {
    this.engine = engine;
  }

  static Redactor of(Secret secret) {
    return secret == null ? NONE : new Redactor(dev.xtreamdoctor.engine.Redactor.of(secret.reveal()));
  }

  static Redactor none() {
    return NONE;
  }

  /** The text with every spelling of the password masked, and passwords in URLs masked. */
  String scrub(String text) {
    return engine.scrub(text);
  }

  /** A URL (a Location header, a typed server) with its password masked. */
  String maskUrl(String url) {
    return url == null ? "" : engine.scrub(url);
  }
}
