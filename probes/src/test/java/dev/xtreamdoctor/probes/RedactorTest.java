package dev.xtreamdoctor.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.xtreamdoctor.engine.Redactor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private static final String CANARY = "cnry+P w/&%\"é";

  @Test
  void scrubsEveryForm() {
    Redactor r = Redactor.of(CANARY);
    String raw = "x " + CANARY + " y";
    String form = URLEncoder.encode(CANARY, StandardCharsets.UTF_8);
    String json = Redactor.phpJsonEscaped(CANARY);
    String b64 = Base64.getEncoder().encodeToString(CANARY.getBytes(StandardCharsets.UTF_8));
    for (String text :
        List.of(raw, form, form.replace("+", "%20"), json, b64, CANARY.toUpperCase())) {
      String out = r.scrub("before " + text + " after");
      assertFalse(out.contains(text), out);
      assertEquals(true, out.contains(Redactor.MASK), out);
    }
  }

  @Test
  void masksCredentialQueryValues() {
    Redactor r = Redactor.none();
    assertEquals(
        "http://h/player_api.php?username=bob&password=***&action=x",
        r.scrub("http://h/player_api.php?username=bob&password=zz&action=x"));
  }

  @Test
  void secretsNeverPrint() {
    assertEquals("*****", Secret.of(CANARY).toString());
    assertEquals("no a masked", Redactor.of("a").scrub("no a masked"));
    assertFalse(ProbeRequest.of("h", "u", Secret.of(CANARY)).toString().contains("cnry"));
  }
}
