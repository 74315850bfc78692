package com.example.helpdesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.api.TargetGuard;
import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.probes.TargetRefusedException;
import dev.xtreamdoctor.simulator.Simulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedder's code, as its own project would run it, against a simulated panel and its DNS. */
class TicketAssistantTest {
  @TempDir Path dir;

  /** The configuration file an embedder keeps: here, the simulator's resolvers. */
  private Optional<Path> config(Simulation sim) throws Exception {
    Path file = dir.resolve("doctor.properties");
    Files.writeString(
        file,
        "doctor.dns.system-resolvers="
            + sim.systemResolvers()
            + "\n"
            + "doctor.dns.public-resolvers="
            + sim.publicResolvers()
            + "\n"
            + "doctor.timeout.total-ms=15000\n");
    return Optional.of(file);
  }

  @Test
  void aWrongPasswordIsDiagnosedAndTheReplyKeepsItSecret() throws Exception {
    try (Simulation sim = Simulation.start("bad-credentials-xc2");
        TicketAssistant assistant =
            new TicketAssistant(
                config(sim), TargetGuard.of(List.of("127.0.0.1/32"), Set.of(sim.urlPort())))) {
      Diagnosis d =
          assistant.diagnose(sim.serverUrl(), sim.username(), "wrong-Pass-4711".toCharArray());
      assertEquals("INVALID_DETAILS", d.category(), d.toString());
      String reply = assistant.ticketReply(d);
      assertTrue(reply.contains(d.title()), reply);
      assertFalse(reply.contains("wrong-Pass-4711"), "the password must never come back");
      assertFalse(sim.requests().isEmpty(), "the simulated panel was asked");
    }
  }

  @Test
  void aHealthyLineIsReportedAsSuch() throws Exception {
    try (Simulation sim = Simulation.start("healthy-xc2");
        TicketAssistant assistant =
            new TicketAssistant(
                config(sim), TargetGuard.of(List.of("127.0.0.1/32"), Set.of(sim.urlPort())))) {
      Diagnosis d =
          assistant.diagnose(sim.serverUrl(), sim.username(), sim.password().toCharArray());
      assertEquals(Diagnosis.NO_FAULT_FOUND, d.category(), d.toString());
    }
  }

  @Test
  void theDefaultTargetPolicyKeepsTheHelpdeskOffInternalAddresses() throws Exception {
    try (Simulation sim = Simulation.start("healthy-xc2");
        TicketAssistant assistant = new TicketAssistant(config(sim), TargetGuard.defaults())) {
      assertThrows(
          TargetRefusedException.class,
          () -> assistant.diagnose(sim.serverUrl(), sim.username(), sim.password().toCharArray()));
      assertTrue(sim.requests().isEmpty(), "nothing was sent to a refused target");
    }
  }
}
