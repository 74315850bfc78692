package dev.xtreamdoctor.service;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /metrics}: the service's own metrics in the Prometheus text format, with the same
 * bearer token as {@code /v1} (checked by the {@link ClientGate}): how busy it is says something
 * about the helpdesk behind it.
 */
@Path("/metrics")
public final class MetricsResource {
  private final ServiceMetrics metrics;

  MetricsResource(ServiceMetrics metrics) {
    this.metrics = metrics;
  }

  @GET
  public Response scrape() {
    return Response.ok(metrics.text(), ServiceMetrics.CONTENT_TYPE).build();
  }
}
