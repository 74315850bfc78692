package dev.xtreamdoctor.service;

import dev.xtreamdoctor.api.TargetGuard;
import dev.xtreamdoctor.api.XtreamDoctor;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Not a test: a second {@code serve} process for {@link RedisPolitenessTest}, sharing the panel
 * budget through Redis. Arguments: redis URL, the resolver to use, the panel's port, max logins,
 * window ms, min interval ms, wait ms, cache ms. Prints {@code READY uri}, then serves until its
 * standard input closes.
 */
public final class ReplicaServer {
  private ReplicaServer() {}

  public static void main(String[] args) throws Exception {
    ServeSettings.Politeness budget =
        new ServeSettings.Politeness(
            Integer.parseInt(args[3]),
            Long.parseLong(args[4]),
            Long.parseLong(args[5]),
            Long.parseLong(args[6]),
            Long.parseLong(args[7]),
            Optional.of(args[0]));
    try (DoctorService s =
        DoctorService.start(
            Fixtures.settings().withPoliteness(budget).withSlots(8, 8, 2000),
            XtreamDoctor.builder()
                .ruleBook(Fixtures.rules())
                .probeSettings(Fixtures.probes(List.of(args[1]))),
            TargetGuard.of(List.of("127.0.0.1/32"), Set.of(Integer.parseInt(args[2]))))) {
      System.out.println("READY " + s.uri());
      System.out.flush();
      while (System.in.read() >= 0) {
        // serve until the parent closes our standard input (or dies)
      }
    }
  }
}
