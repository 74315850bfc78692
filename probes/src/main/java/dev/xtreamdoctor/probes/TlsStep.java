package dev.xtreamdoctor.probes;

import dev.xtreamdoctor.engine.facts.Outcome;
import dev.xtreamdoctor.engine.facts.TlsHandshake;

/**
 * For an https server, the TLS handshake with the address that took the connection, as the app
 * makes it. Credentials are never sent over a connection the app itself would refuse.
 */
final class TlsStep implements ProbeStep {
  @Override
  public String probe() {
    return "tls";
  }

  @Override
  public boolean appliesTo(ProbeContext context) {
    return context.reached() == ProbeContext.Reached.CONNECTED && context.server().https();
  }

  @Override
  public void run(ProbeContext context) throws Exception {
    // until the handshake succeeds: a probe that crashed has not shown the connection is safe
    context.reached(ProbeContext.Reached.TLS_FAILED);
    HttpExchange.Target target = context.target().orElseThrow();
    ParsedServer server = context.server();
    TlsHandshake hs =
        context
            .tls()
            .handshake(target.address(), target.port(), server.host(), server.input().hostKind());
    context.observed(hs);
    if (hs.outcome().equals(Outcome.TLS_OK)) {
      context.reached(ProbeContext.Reached.CONNECTED);
    }
  }
}
