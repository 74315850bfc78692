package dev.xtreamdoctor.service;

import dev.xtreamdoctor.engine.Diagnosis;
import dev.xtreamdoctor.engine.watch.CheckRecord;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One probe's result in the Prometheus text format, as blackbox_exporter answers {@code /probe}:
 * success, duration and phases, and beside them what blackbox cannot say, the doctor's category and
 * cause as labels of one info series. A phase the check did not reach has no series (it is not
 * reported as zero); neither have the account figures when the panel did not answer the login.
 */
final class ProbeMetrics {
  private ProbeMetrics() {}

  static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

  /** The phases, in the order a login crosses them, as the {@code phase} label names them. */
  static final List<String> PHASES = List.of("dns_system", "dns_public", "connect", "tls", "login");

  /**
   * The metrics of one diagnosis.
   *
   * @param d the diagnosis
   * @param observedAt when the facts behind it were observed
   * @param durationMillis how long observing took; negative when not known (a shared cache's entry)
   * @param cached whether this is an earlier observation, answered again because the panel's
   *     politeness budget allows no new one yet
   */
  static String text(Diagnosis d, Instant observedAt, long durationMillis, boolean cached) {
    CheckRecord check =
        CheckRecord.of(observedAt.atOffset(ZoneOffset.UTC), d, Math.max(0, durationMillis));
    List<MetricSnapshot> m = new ArrayList<>();
    m.add(
        gauge(
            "xtream_probe_success",
            "Whether the line works: 1 when the diagnosis is NO_FAULT_FOUND, else 0.",
            null,
            Diagnosis.NO_FAULT_FOUND.equals(d.category()) ? 1 : 0));
    if (durationMillis >= 0) {
      m.add(
          gauge(
              "xtream_probe_duration_seconds",
              "How long the diagnosis took to observe the line.",
              Unit.SECONDS,
              durationMillis / 1000.0));
    }
    phases(check).ifPresent(m::add);
    m.add(
        InfoSnapshot.builder()
            .name("xtream_diagnosis")
            .help(
                "The diagnosis: its category and deciding cause as labels (see rules/FACTS.md); always 1.")
            .dataPoint(
                InfoDataPointSnapshot.builder()
                    .labels(Labels.of("category", d.category(), "cause", check.cause()))
                    .build())
            .build());
    check.account().ifPresent(a -> account(a, m));
    m.add(
        gauge(
            "xtream_probe_cached",
            "1 when this is an earlier observation answered again (the panel's politeness budget allows no new login yet).",
            null,
            cached ? 1 : 0));
    m.add(
        gauge(
            "xtream_probe_observed_timestamp_seconds",
            "When the line was observed, unix seconds.",
            Unit.SECONDS,
            observedAt.toEpochMilli() / 1000.0));
    return write(m);
  }

  /** How long each phase of the login took; absent when no phase was reached. */
  private static Optional<GaugeSnapshot> phases(CheckRecord check) {
    CheckRecord.Phases p = check.phases();
    long[] phases = {p.dnsSystemMs(), p.dnsPublicMs(), p.connectMs(), p.tlsMs(), p.loginMs()};
    GaugeSnapshot.Builder phase =
        GaugeSnapshot.builder()
            .name("xtream_probe_phase_duration_seconds")
            .help(
                "How long each phase of the login took: system and public DNS, TCP connect, TLS, the login request.")
            .unit(Unit.SECONDS);
    boolean anyPhase = false;
    for (int i = 0; i < phases.length; i++) {
      if (phases[i] != CheckRecord.NOT_REACHED) {
        phase.dataPoint(
            GaugeDataPointSnapshot.builder()
                .labels(Labels.of("phase", PHASES.get(i)))
                .value(phases[i] / 1000.0)
                .build());
        anyPhase = true;
      }
    }
    return anyPhase ? Optional.of(phase.build()) : Optional.empty();
  }

  /** What the panel said of the line: its end date, its connections. */
  private static void account(CheckRecord.Account a, List<MetricSnapshot> m) {
    if (a.expDate() > 0) {
      m.add(
          gauge(
              "xtream_account_expiry_timestamp_seconds",
              "When the line's subscription ends (the panel's exp_date), unix seconds; absent when unlimited.",
              Unit.SECONDS,
              a.expDate()));
    }
    m.add(
        gauge(
            "xtream_account_active_connections",
            "Streams running on the line now (active_cons).",
            null,
            a.activeConnections()));
    m.add(
        gauge(
            "xtream_account_max_connections",
            "Streams the line allows at once (max_connections); 0 is unlimited.",
            null,
            a.maxConnections()));
  }

  /** The Prometheus text format, as the official client writes it. */
  private static String write(List<MetricSnapshot> m) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
    try {
      PrometheusTextFormatWriter.create()
          .write(
              out,
              new io.prometheus.metrics.model.snapshots.MetricSnapshots(m),
              EscapingScheme.UNDERSCORE_ESCAPING);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array has no I/O
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static GaugeSnapshot gauge(String name, String help, Unit unit, double value) {
    GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
    if (unit != null) {
      b.unit(unit);
    }
    return b.dataPoint(GaugeDataPointSnapshot.builder().value(value).build()).build();
  }
}
