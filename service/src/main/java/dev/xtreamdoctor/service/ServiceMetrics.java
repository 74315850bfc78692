package dev.xtreamdoctor.service;

import dev.xtreamdoctor.api.RulesListener;
import dev.xtreamdoctor.api.RulesStatus;
import dev.xtreamdoctor.engine.Diagnosis;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.IntSupplier;

/**
 * The service's own metrics, {@code GET /metrics}, through the official Prometheus Java client:
 * requests by route and status and their latency, diagnoses by category and deciding cause, rule
 * reloads and refusals, evaluations the rules could not finish, and the politeness budget's waits.
 * Every label value comes from a closed set (routes, statuses, the rules' vocabulary), never from
 * what a caller sent, so no series holds a secret and their number stays bounded.
 */
final class ServiceMetrics implements RulesListener {
  static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

  /** Latency buckets from a cached answer (milliseconds) to a slow panel's diagnosis (30 s). */
  private static final double[] SECONDS_BUCKETS = {
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30, 60
  };

  private final PrometheusRegistry registry = new PrometheusRegistry();

  private final Counter requests =
      Counter.builder()
          .name("xtream_http_requests_total")
          .help(
              "HTTP requests answered, by route (the matched path, or 'unmatched'), method and status.")
          .labelNames("route", "method", "status")
          .register(registry);

  private final Histogram latency =
      Histogram.builder()
          .name("xtream_http_request_duration_seconds")
          .help(
              "How long answering a request took, from its head being read to its answer being sent.")
          .unit(Unit.SECONDS)
          .labelNames("route", "method")
          .classicOnly()
          .classicUpperBounds(SECONDS_BUCKETS)
          .register(registry);

  private final Counter diagnoses =
      Counter.builder()
          .name("xtream_diagnoses_total")
          .help(
              "Diagnoses answered, by source (diagnosis: a panel observed; cached: observed a moment ago;"
                  + " evaluation: facts sent by the caller; probe: GET /probe), category and deciding cause.")
          .labelNames("source", "category", "cause")
          .register(registry);

  private final Counter rulesFailed =
      Counter.builder()
          .name("xtream_rules_failed_total")
          .help(
              "Evaluations the rules could not finish (a rule kept firing, the deadline passed, a then part threw).")
          .register(registry);

  private final Counter reloads =
      Counter.builder()
          .name("xtream_rule_reloads_total")
          .help(
              "Reloads of the rules directory, by outcome: applied (the new set is in use) or refused (the last good"
                  + " set stays; see GET /v1/rules).")
          .labelNames("outcome")
          .register(registry);

  private final Histogram budgetWaits =
      Histogram.builder()
          .name("xtream_panel_budget_wait_seconds")
          .help(
              "How long diagnoses waited for their turn at a panel (politeness budget), by outcome: granted,"
                  + " busy (429 panel-busy), spent (429 panel-budget) or full (503: too many waiting).")
          .unit(Unit.SECONDS)
          .labelNames("outcome")
          .classicOnly()
          .classicUpperBounds(0.001, 0.01, 0.1, 0.5, 1, 2, 3, 5, 10, 20, 30)
          .register(registry);

  ServiceMetrics() {
    for (String outcome : new String[] {"applied", "refused"}) {
      reloads.labelValues(outcome); // both series from the start: a rate over them needs a zero
    }
    rulesFailed.inc(0);
  }

  /** Gauges read at each scrape: the rules' load time, slots in use and their sizes. */
  void watch(
      java.util.function.Supplier<RulesStatus> rules, Slots diagnosisSlots, Slots evaluationSlots) {
    GaugeWithCallback.builder()
        .name("xtream_rules_loaded_timestamp_seconds")
        .help("When the rule set in use was put in use, unix seconds.")
        .unit(Unit.SECONDS)
        .callback(cb -> cb.call(rules.get().loadedAt().toEpochMilli() / 1000.0))
        .register(registry);
    slots(
        "xtream_slots_in_use",
        "Diagnosis and evaluation slots held now.",
        diagnosisSlots::inUse,
        evaluationSlots::inUse);
    slots(
        "xtream_slots",
        "Diagnosis and evaluation slots in all (doctor.serve.max-diagnoses, max-evaluations).",
        diagnosisSlots::size,
        evaluationSlots::size);
    slots(
        "xtream_slots_overdue",
        "Slots held past their limit now: a runaway that holds capacity (/health/ready fails).",
        diagnosisSlots::overdue,
        evaluationSlots::overdue);
  }

  private void slots(String name, String help, IntSupplier diagnosis, IntSupplier evaluation) {
    GaugeWithCallback.builder()
        .name(name)
        .help(help)
        .labelNames("kind")
        .callback(
            cb -> {
              cb.call(diagnosis.getAsInt(), "diagnosis");
              cb.call(evaluation.getAsInt(), "evaluation");
            })
        .register(registry);
  }

  void request(String route, String method, int status, long nanos) {
    requests.labelValues(route, method, Integer.toString(status)).inc();
    latency.labelValues(route, method).observe(nanos / 1e9);
  }

  void diagnosis(String source, Diagnosis d) {
    // the deciding cause, as /probe's xtream_diagnosis_info and watch's history name it
    String cause = d.causeIds().isEmpty() ? "none" : d.causeIds().get(0);
    diagnoses.labelValues(source, d.category(), cause).inc();
  }

  void rulesFailed() {
    rulesFailed.inc();
  }

  /** A wait for a panel's turn, and how it ended. */
  void budgetWait(String outcome, long nanos) {
    budgetWaits.labelValues(outcome).observe(nanos / 1e9);
  }

  @Override
  public void applied(RulesStatus now) {
    reloads.labelValues("applied").inc();
  }

  @Override
  public void refused(RulesStatus.FailedReload refused) {
    reloads.labelValues("refused").inc();
  }

  /** Every series, in the Prometheus text format. */
  byte[] text() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    try {
      PrometheusTextFormatWriter.create()
          .write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array has no I/O
    }
    return out.toByteArray();
  }
}
