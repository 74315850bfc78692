package com.example.helpdesk;

import dev.xtreamdoctor.api.DiagnosisRequest;
import dev.xtreamdoctor.api.TargetGuard;
import dev.xtreamdoctor.api.XtreamDoctor;
import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.RulesException;
import dev.xtreamdoctor.engine.config.ConfigException;
import dev.xtreamdoctor.engine.config.DoctorConfig;
import dev.xtreamdoctor.engine.render.MarkdownRenderer;
import dev.xtreamdoctor.probes.BadServerInputException;
import dev.xtreamdoctor.probes.TargetRefusedException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a helpdesk tool writes when it embeds xtream-doctor: one shared {@link XtreamDoctor}, built
 * from the same {@code doctor.*} configuration the command line reads, asked once per ticket. It
 * compiles against {@code xtream-doctor-api} alone (this module declares no other dependency).
 */
public final class TicketAssistant implements AutoCloseable {
  private final XtreamDoctor doctor;

  /**
   * @param configFile a {@code doctor.*} properties file (resolvers, timeouts), or none
   * @param targets which panels this helpdesk may diagnose (the SSRF guard)
   */
  public TicketAssistant(Optional<Path> configFile, TargetGuard targets)
      throws ConfigException, RulesException {
    doctor =
        XtreamDoctor.builder()
            .configuration(DoctorConfig.load(configFile))
            .bundledRules()
            .targetPolicy(targets)
            .build();
  }

  /** The diagnosis of one customer's login; the password array is copied and may be wiped after. */
  public Diagnosis diagnose(String server, String username, char[] password)
      throws BadServerInputException, TargetRefusedException {
    return doctor.diagnose(
        DiagnosisRequest.forServer(server).username(username).password(password).build());
  }

  /** The reply an agent pastes into the ticket. */
  public String ticketReply(Diagnosis d) {
    return new MarkdownRenderer().render(d);
  }

  @Override
  public void close() {
    doctor.close();
  }
}
