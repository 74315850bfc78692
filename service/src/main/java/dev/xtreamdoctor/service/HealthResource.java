package dev.xtreamdoctor.service;

import dev.xtreamdoctor.api.RulesStatus;
import dev.xtreamdoctor.api.XtreamDoctor;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/**
 * Health for operators and orchestrators, with no token: {@code /health} (up, and the rules'
 * version, as before), {@code /health/live} (the process serves: restart it if not) and {@code
 * /health/ready} (send it traffic: the rules are loaded and no runaway holds a diagnosis or
 * evaluation slot past its limit; 503 otherwise, with the failing check named).
 */
@Path("/health")
public final class HealthResource {
  private static final JsonProvider JSON = JsonProvider.provider();

  private final XtreamDoctor doctor;
  private final Slots diagnoses;
  private final Slots evaluations;

  HealthResource(XtreamDoctor doctor, Slots diagnoses, Slots evaluations) {
    this.doctor = doctor;
    this.diagnoses = diagnoses;
    this.evaluations = evaluations;
  }

  @GET
  public Response health() {
    return ApiResource.json(
        JSON.createObjectBuilder()
            .add("status", "ok")
            .add("rulesVersion", doctor.rules().fingerprint())
            .build()
            .toString());
  }

  @GET
  @Path("live")
  public Response live() {
    return ApiResource.json(JSON.createObjectBuilder().add("status", "live").build().toString());
  }

  @GET
  @Path("ready")
  public Response ready() {
    RulesStatus rules = doctor.rules();
    boolean rulesLoaded = rules != null && !rules.fingerprint().isEmpty();
    boolean capacity = diagnoses.overdue() == 0 && evaluations.overdue() == 0;
    JsonObjectBuilder rulesCheck =
        JSON.createObjectBuilder().add("status", rulesLoaded ? "pass" : "fail");
    if (rules != null) {
      rulesCheck
          .add("fingerprint", rules.fingerprint())
          .add("loadedAt", rules.loadedAt().toString())
          .add("lastReloadRefused", rules.lastReload().isPresent());
    }
    boolean ready = rulesLoaded && capacity;
    String body =
        JSON.createObjectBuilder()
            .add("status", ready ? "ready" : "not ready")
            .add(
                "checks",
                JSON.createObjectBuilder()
                    .add("rules", rulesCheck)
                    .add(
                        "capacity",
                        JSON.createObjectBuilder()
                            .add("status", capacity ? "pass" : "fail")
                            .add("diagnosisSlots", slots(diagnoses))
                            .add("evaluationSlots", slots(evaluations))))
            .build()
            .toString();
    return Response.status(ready ? 200 : 503)
        .type("application/json")
        .entity(body.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  private static JsonObjectBuilder slots(Slots s) {
    return JSON.createObjectBuilder()
        .add("size", s.size())
        .add("inUse", s.inUse())
        .add("overdue", s.overdue())
        .add("limitMs", s.limitMillis());
  }
}
