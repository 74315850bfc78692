package dev.xtreamdoctor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.xtreamdoctor.api.TargetGuard;
import dev.xtreamdoctor.simulator.Simulation;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The helpdesk page in a real browser: headless Chromium, 360 px wide as in a sidebar, loads the
 * page, the page fills the form from the fragment and clicks "Diagnose", and the diagnosis of a
 * simulated panel with its ticket reply ends up in the page.
 */
class HelpdeskPageTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @Test
  void pageHeadersFitAnIframeAndLoadNothingFromElsewhere() throws Exception {
    try (DoctorService s = Fixtures.start(Fixtures.settings(), Fixtures.probes(List.of()),
        TargetGuard.of(List.of(), Set.of(80)))) {
      HttpResponse<String> page = Fixtures.get(s, "/", null);
      assertEquals(200, page.statusCode());
      String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("default-src 'none'") && csp.contains("script-src 'self'")
          && csp.contains("frame-ancestors 'self'"), csp);
      assertFalse(page.body().matches("(?s).*(src|href)=\"(https?:)?//.*"), "no external assets");
      assertTrue(page.body().contains("width=device-width"));
      assertEquals(200, Fixtures.get(s, "/helpdesk.js", null).statusCode());
    }
  }

  @Test
  void oneDiagnosisClickedThroughInHeadlessChromium(@TempDir Path profile) throws Exception {
    boolean ci = System.getenv("CI") != null;
    assumeTrue(Files.isExecutable(CHROMIUM) || ci,
        "headless Chromium is not installed (apt-get install -y chromium); CI installs it and runs this test");
    try (Simulation sim = Simulation.start("expired-xc2");
        DoctorService s = Fixtures.start(Fixtures.settings(), Fixtures.probes(List.of(sim.systemResolvers())),
            TargetGuard.of(List.of("127.0.0.1/32"), Set.of(sim.urlPort())))) {
      String fragment = "token=" + enc(Fixtures.TOKEN) + "&server=" + enc(sim.serverUrl()) + "&username="
          + enc(sim.username()) + "&password=" + enc(sim.password()) + "&vantage=remote&run=1";
      List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
          "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=360,800",
          "--virtual-time-budget=20000", "--dump-dom", s.uri() + "/#" + fragment));
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "chromium did not finish");
      assertTrue(dom.contains("data-category=\"AUTHORIZATION_FAILED\""), dom);
      assertTrue(dom.contains("<textarea id=\"reply\" rows=\"10\" readonly=\"\">**"), "a ticket reply to copy: " + dom);
      assertFalse(dom.contains(sim.password()), "the password is not left in the page");
      assertTrue(sim.requests().size() >= 1);
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
