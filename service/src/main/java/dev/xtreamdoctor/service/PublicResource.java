package dev.xtreamdoctor.service;

import dev.xtreamdoctor.api.XtreamDoctor;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What needs no token: {@code /openapi.json} and the helpdesk page ({@link HealthResource}:
 * health).
 */
@Path("/")
public final class PublicResource {
  private static final byte[] INDEX = resource("index.html");
  private static final byte[] SCRIPT = resource("helpdesk.js");
  private static final byte[] STYLE = resource("helpdesk.css");
  private static final byte[] OPENAPI = resource("openapi.json");

  private final XtreamDoctor doctor;
  private final String csp;
  private final OpenApiDocument openApi = new OpenApiDocument();

  public PublicResource(XtreamDoctor doctor, ServeSettings settings) {
    this.doctor = doctor;
    this.csp =
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; "
            + "form-action 'none'; base-uri 'none'; frame-ancestors "
            + settings.frameAncestors();
  }

  @GET
  @Path("openapi.json")
  public Response openapi() {
    Map<String, String> languages = new LinkedHashMap<>();
    doctor.languages().forEach(tag -> languages.put(tag, doctor.words(tag).report("language")));
    byte[] doc =
        openApi.document(
            OPENAPI,
            doctor.rules().fingerprint(),
            doctor.appMessages(),
            doctor.devices(),
            languages);
    return Response.ok(doc, "application/json").build();
  }

  @GET
  public Response index() {
    return page(INDEX, "text/html; charset=utf-8");
  }

  @GET
  @Path("helpdesk.js")
  public Response script() {
    return page(SCRIPT, "text/javascript; charset=utf-8");
  }

  @GET
  @Path("helpdesk.css")
  public Response style() {
    return page(STYLE, "text/css; charset=utf-8");
  }

  private Response page(byte[] body, String type) {
    return Response.ok(body, type)
        .header("Content-Security-Policy", csp)
        .header("Referrer-Policy", "no-referrer")
        .build();
  }

  private static byte[] resource(String name) {
    try (InputStream in = PublicResource.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
