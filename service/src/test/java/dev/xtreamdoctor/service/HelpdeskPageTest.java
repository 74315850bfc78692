package dev.xtreamdoctor.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.xtreamdoctor.api.TargetGuard;
import dev.xtreamdoctor.probes.ProbeSettings;
import dev.xtreamdoctor.simulator.Simulation;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The helpdesk page in a real browser: headless Chromium driven over its DevTools protocol ({@link
 * Chromium}), against the real service and simulated panels on loopback, used as an agent with a
 * queue of tickets uses it: by keyboard, one ticket after another, in a 360 px sidebar and on a
 * 1280 px screen, in light and dark. Screenshots of each are kept in {@code target/screenshots} for
 * a reviewer (CI copies them to {@code target/ci-artifacts/screenshots}).
 */
class HelpdeskPageTest {
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Duration ANSWER = Duration.ofSeconds(30);

  /** One browser for the class (starting one costs seconds); each test opens the page afresh. */
  @TempDir static Path profile;

  static Chromium browser;

  @BeforeAll
  static void startChromium() throws Exception {
    if (Chromium.mustRun()) {
      browser = Chromium.start(profile);
    }
  }

  @AfterAll
  static void closeChromium() throws Exception {
    if (browser != null) {
      browser.close();
    }
  }

  /**
   * Each browser test starts here: with Chromium (skipped without it, unless in CI), in a fresh
   * state.
   */
  private static void freshBrowser() throws Exception {
    assumeTrue(
        browser != null,
        "headless Chromium is not installed (apt-get install -y chromium); CI installs it and runs these tests");
    browser.reset();
  }

  @Test
  void pageHeadersFitAnIframeAndLoadNothingFromElsewhere() throws Exception {
    try (DoctorService s =
        Fixtures.start(
            Fixtures.settings(),
            Fixtures.probes(List.of()),
            TargetGuard.of(List.of(), Set.of(80)))) {
      HttpResponse<String> page = Fixtures.get(s, "/", null);
      assertEquals(200, page.statusCode());
      String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(
          csp.contains("default-src 'none'")
              && csp.contains("script-src 'self'")
              && csp.contains("style-src 'self'")
              && csp.contains("frame-ancestors 'self'"),
          csp);
      assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
      assertFalse(page.body().matches("(?s).*(src|href)=\"(https?:)?//.*"), "no external assets");
      assertFalse(
          page.body().matches("(?s).*(<script>|<script [^>]*>[^<]|<style|style=\"|\\son[a-z]+=).*"),
          "nothing inline the policy would refuse");
      assertTrue(page.body().contains("width=device-width"));
      for (String asset : List.of("/helpdesk.js", "/helpdesk.css")) {
        HttpResponse<String> a = Fixtures.get(s, asset, null);
        assertEquals(200, a.statusCode(), asset);
        assertFalse(
            a.body().matches("(?s).*(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}/.*")
                && asset.endsWith(".css"),
            "no external assets in " + asset);
      }
    }
  }

  /**
   * A ticket, then a failed request (a wrong token), then the same ticket again without retyping
   * the password: the failure clears the earlier verdict, and the password is still there.
   */
  @Test
  void aSecondDiagnosisAfterAFailedOneAndARerunWithoutRetypingThePassword() throws Exception {
    freshBrowser();
    try (Simulation sim = Simulation.start("expired-xc2");
        DoctorService s = service(sim, Fixtures.probes(List.of(sim.systemResolvers())))) {
      browser.open(s.uri() + "/#" + fragment(sim, Fixtures.TOKEN));
      diagnose();
      assertEquals(
          "AUTHORIZATION_FAILED",
          browser.text("document.getElementById('result').dataset.category"));
      assertTrue(browser.text("document.getElementById('checks').innerText").contains("Account"));

      browser.eval("document.getElementById('token').value = 'not-the-token-0123456789'");
      browser.eval("document.getElementById('run').click()");
      browser.waitFor("!document.getElementById('problem').hidden", ANSWER);
      assertEquals("Token", browser.text("document.getElementById('problem-kind').textContent"));
      assertTrue(
          browser.truth("document.getElementById('result').hidden"), "the earlier verdict is gone");
      assertEquals("", browser.text("document.getElementById('title').textContent"));
      assertFalse(
          browser
              .text("document.getElementById('output').innerText")
              .contains("Authorization Failed"),
          "nothing of the earlier verdict is left: "
              + browser.text("document.getElementById('output').innerText"));
      assertEquals(
          "token", browser.text("document.activeElement.id"), "the token field is where to fix it");

      browser.eval(
          "document.getElementById('token').value = " + Fixtures.jsonString(Fixtures.TOKEN));
      int logins = loginsSeen(sim);
      browser.eval("document.getElementById('run').click()");
      browser.waitFor("!document.getElementById('result').hidden", ANSWER);
      assertTrue(
          browser.truth("document.getElementById('problem').hidden"), "the failure is gone too");
      assertEquals(
          "AUTHORIZATION_FAILED",
          browser.text("document.getElementById('result').dataset.category"),
          "the same line, password included, was diagnosed again");
      assertTrue(loginsSeen(sim) > logins, "the panel was asked again");
      assertEquals(
          String.valueOf(sim.password().length()),
          browser.text("document.getElementById('password').value.length"),
          "the password is kept for the next run");
      assertNoSecretInThePage(sim.password());
      assertEquals(List.of(), browser.problems());
    }
  }

  /** A slow panel: the page counts the seconds, in a neutral colour, and then shows the verdict. */
  @Test
  void progressCountsSecondsInANeutralColourOnASlowPanel() throws Exception {
    freshBrowser();
    try (Simulation sim = Simulation.start("slow");
        DoctorService s =
            service(
                sim,
                Fixtures.probes(List.of(sim.systemResolvers())).withTimeouts(1000, 8000, 20000))) {
      browser.viewport(360, 900);
      browser.open(s.uri() + "/#" + fragment(sim, Fixtures.TOKEN));
      diagnoseClicked();
      browser.waitFor(
          "parseInt(document.getElementById('elapsed').textContent, 10) >= 2",
          Duration.ofSeconds(10));
      assertFalse(browser.truth("document.getElementById('progress').hidden"));
      assertTrue(
          browser
              .text("document.getElementById('progress').innerText")
              .matches("(?s)Checking the line….*\\d+ s"),
          browser.text("document.getElementById('progress').innerText"));
      String colour =
          browser.text("getComputedStyle(document.getElementById('progress-text')).color");
      assertEquals(
          browser.text(
              "(() => { const p = document.createElement('p');"
                  + " p.style.color = getComputedStyle(document.documentElement).getPropertyValue('--muted');"
                  + " document.body.appendChild(p); const c = getComputedStyle(p).color; p.remove(); return c; })()"),
          colour,
          "progress is in the neutral (muted) colour, not an error colour");
      assertEquals(
          "true", browser.text("document.getElementById('diagnose').getAttribute('aria-busy')"));
      assertEquals(List.of(), contrastFailures(), "progress, light");
      browser.screenshot(SCREENSHOTS.resolve("helpdesk-360-progress-light.png"));
      browser.waitFor("!document.getElementById('result').hidden", ANSWER);
      assertTrue(browser.truth("document.getElementById('progress').hidden"));
      assertEquals(List.of(), browser.problems());
    }
  }

  /**
   * Keyboard only, in a 360 px sidebar: Tab to each field, type, pick a reported symptom with the
   * arrow keys, open the token box, Enter. The verdict takes the focus, is announced and in view;
   * the checklist is folded and opens with Enter; the reply is copied in either format with a
   * visible "Copied".
   */
  @Test
  void keyboardOnlyInASidebarWithChecklistAndCopyFeedback() throws Exception {
    freshBrowser();
    try (Simulation sim = Simulation.start("expired-xc2");
        DoctorService s = service(sim, Fixtures.probes(List.of(sim.systemResolvers())))) {
      browser.viewport(360, 900);
      browser.allowClipboard(s.uri().toString().replaceAll("/$", ""));
      browser.open(s.uri() + "/");
      browser.waitFor(
          "document.getElementById('appMessage').options.length > 1", Duration.ofSeconds(10));
      tabTo("#server");
      browser.type(sim.serverUrl());
      browser.press("Tab");
      assertEquals("username", browser.text("document.activeElement.id"));
      browser.type(sim.username());
      browser.press("Tab");
      assertEquals("password", browser.text("document.activeElement.id"));
      browser.type(sim.password());
      tabTo("input[name=worksOnMobileData]:checked");
      browser.press("ArrowRight");
      assertEquals(
          "yes",
          browser.text("document.querySelector('input[name=worksOnMobileData]:checked').value"));
      tabTo("#token-box > summary");
      assertTrue(
          browser.truth("document.getElementById('token-box').open"),
          "an empty token is asked for");
      tabTo("#token");
      browser.type(Fixtures.TOKEN);
      browser.press("Enter");
      browser.waitFor("!document.getElementById('result').hidden", ANSWER);

      assertEquals(
          "verdict", browser.text("document.activeElement.id"), "the focus moves to the verdict");
      assertTrue(
          browser.truth(
              "(() => { const r = document.getElementById('verdict').getBoundingClientRect();"
                  + " return r.top >= 0 && r.top < innerHeight / 2; })()"),
          "the verdict is scrolled into view at 360 px");
      String announced = browser.text("document.getElementById('status').textContent");
      assertEquals(
          "polite", browser.text("document.getElementById('status').getAttribute('aria-live')"));
      assertTrue(
          announced.startsWith("Diagnosis ready. Found a problem: Authorization Failed."),
          announced);
      assertEquals(
          "Found a problem", browser.text("document.getElementById('verdict-kind').textContent"));

      // the checklist: the CLI's marks, one line per layer, the evidence folded away
      JsonArray checks =
          json(
              browser.text(
                  "JSON.stringify([...document.querySelectorAll('#checks > li')].map(li =>"
                      + " ({state: li.dataset.state, mark: li.querySelector('.mark').textContent,"
                      + " label: li.querySelector('.check-label').textContent, folded: !!li.querySelector('details:not([open])'),"
                      + " evidence: li.querySelector('.seen') ? li.querySelector('.seen').textContent : ''})))"));
      assertTrue(checks.size() >= 6, checks.toString());
      java.util.Map<String, String> marks =
          java.util.Map.of("ok", "✓", "fault", "✗", "warning", "!", "unchecked", "?", "none", "-");
      for (JsonObject c : checks.getValuesAs(JsonObject.class)) {
        assertEquals(marks.get(c.getString("state")), c.getString("mark"), "the CLI's mark: " + c);
      }
      JsonObject account =
          checks.getValuesAs(JsonObject.class).stream()
              .filter(c -> c.getString("label").equals("Account"))
              .findFirst()
              .orElseThrow();
      assertEquals("✗", account.getString("mark"));
      assertTrue(account.getBoolean("folded"), "evidence is collapsed by default");
      assertFalse(
          account.getString("evidence").isEmpty(), "the evidence is in the page: " + account);
      tabTo("#checks details:not([open]) > summary");
      browser.press("Enter");
      assertTrue(
          browser.truth("document.activeElement.parentElement.open"),
          "Enter opens a layer's evidence");
      assertTrue(
          browser.truth(
              "document.activeElement.parentElement.querySelector('.seen').getClientRects().length > 0"));

      // the reply: plain text first, Markdown a key away, each copied with visible feedback
      tabTo("#copy");
      browser.press("Enter");
      browser.waitFor(
          "document.getElementById('copied').textContent !== ''", Duration.ofSeconds(5));
      assertEquals(
          "Copied (plain text)", browser.text("document.getElementById('copied').textContent"));
      String plain = browser.text("navigator.clipboard.readText()");
      assertTrue(plain.startsWith("Authorization Failed\n\nChecked http://"), plain);
      assertTrue(plain.contains(" UTC.\n\nWhat we found\n"), plain);
      assertFalse(plain.contains("**") || plain.contains("###"), plain);
      tabTo("input[name=replyFormat]:checked");
      browser.press("ArrowRight");
      assertEquals(
          "",
          browser.text("document.getElementById('copied').textContent"),
          "a new format is not yet copied");
      tabTo("#copy");
      browser.press(" ");
      browser.waitFor(
          "document.getElementById('copied').textContent !== ''", Duration.ofSeconds(5));
      assertEquals(
          "Copied (Markdown)", browser.text("document.getElementById('copied').textContent"));
      String markdown = browser.text("navigator.clipboard.readText()");
      assertTrue(markdown.startsWith("**Authorization Failed**\n\nChecked http://"), markdown);
      assertTrue(markdown.contains(" UTC.\n\n### What we found\n"), markdown);
      assertNoSecretInThePage(sim.password());
      assertEquals(List.of(), browser.problems());
    }
  }

  /** A mistyped address is a typo to fix; an address the service may not contact is policy. */
  @Test
  void aTypoIsReportedAsATypoAndARefusalAsPolicy() throws Exception {
    freshBrowser();
    try (Fixtures.Counter elsewhere = new Fixtures.Counter("127.0.0.2", 0);
        DoctorService s =
            Fixtures.start(
                Fixtures.settings(),
                Fixtures.probes(List.of()),
                TargetGuard.of(List.of("127.0.0.1/32"), Set.of(elsewhere.port())))) {
      String typo = "htp:/bad";
      // a loopback address outside the allowed range: the policy refuses it, nothing connects
      String refused = "http://127.0.0.2:" + elsewhere.port();
      String spaced = "http://panel .example.com:8080";
      for (String[] sent :
          new String[][] {
            {typo, "bad-server"}, {spaced, "bad-server"}, {refused, "target-refused"}
          }) {
        HttpResponse<String> api =
            Fixtures.post(
                s,
                "/v1/diagnoses",
                Fixtures.diagnosisJson(sent[0], "u", "p", null),
                Fixtures.TOKEN);
        assertEquals(422, api.statusCode(), sent[0]);
        assertTrue(
            api.body().contains("\"type\":\"https://xtream-doctor.dev/problems/" + sent[1] + "\""),
            sent[0] + " -> " + api.body());
      }
      browser.viewport(360, 900);
      browser.open(
          s.uri() + "/#token=" + enc(Fixtures.TOKEN) + "&username=alice&password=secret-pw-1");
      browser.waitFor(
          "document.getElementById('appMessage').options.length > 1", Duration.ofSeconds(10));

      browser.eval("document.getElementById('server').value = " + Fixtures.jsonString(typo));
      browser.eval("document.getElementById('run').click()");
      browser.waitFor("!document.getElementById('problem').hidden", ANSWER);
      assertEquals("Typo", browser.text("document.getElementById('problem-kind').textContent"));
      assertEquals("typo", browser.text("document.getElementById('problem').dataset.kind"));
      assertTrue(
          browser.text("document.getElementById('problem-detail').textContent").contains("typo"));
      assertEquals(
          "true", browser.text("document.getElementById('server').getAttribute('aria-invalid')"));
      assertEquals(
          "server", browser.text("document.activeElement.id"), "the focus goes where the typo is");
      assertTrue(
          browser.text("document.getElementById('server-error').textContent").contains("\"htp:\""),
          "said under the field too");
      assertTrue(
          browser.truth(
              "(() => { const r = document.getElementById('server-error').getBoundingClientRect();"
                  + " return r.top >= 0 && r.bottom <= innerHeight; })()"),
          "the field and what is wrong with it are in view");
      assertEquals(List.of(), contrastFailures(), "a typo, light");
      browser.screenshot(SCREENSHOTS.resolve("helpdesk-360-typo-light.png"));

      browser.eval("document.getElementById('server').value = " + Fixtures.jsonString(spaced));
      browser.eval("document.getElementById('run').click()");
      browser.waitFor("!document.getElementById('problem').hidden", ANSWER);
      assertEquals(
          "Typo",
          browser.text("document.getElementById('problem-kind').textContent"),
          "a space in the address is a typo too");

      browser.eval("document.getElementById('server').value = " + Fixtures.jsonString(refused));
      browser.eval("document.getElementById('run').click()");
      browser.waitFor(
          "!document.getElementById('problem').hidden && "
              + "document.getElementById('problem-kind').textContent === 'Policy'",
          ANSWER);
      assertFalse(browser.text("document.getElementById('problem').innerText").contains("typo"));
      assertTrue(
          browser.truth(
              "document.getElementById('server-error').textContent.includes('not contact')"),
          browser.text("document.getElementById('server-error').textContent"));
      assertTrue(
          browser
              .text("document.getElementById('problem-detail').textContent")
              .contains("not to contact"));
      assertEquals(0, elsewhere.count(), "nothing was sent to the refused address");
      assertEquals(List.of(), browser.problems());
    }
  }

  /** A fragment's password leaves the address bar at once, with or without a token beside it. */
  @Test
  void noSecretIsLeftInTheAddressBar() throws Exception {
    freshBrowser();
    try (DoctorService s =
        Fixtures.start(
            Fixtures.settings(),
            Fixtures.probes(List.of()),
            TargetGuard.of(List.of(), Set.of(80)))) {
      browser.open(
          s.uri()
              + "/#server=http%3A%2F%2Fpanel.example.com&username=alice&password=hunter2-secret");
      browser.waitFor("document.getElementById('server').value !== ''", Duration.ofSeconds(10));
      assertEquals(s.uri() + "/", browser.text("location.href"));
      assertEquals("hunter2-secret", browser.text("document.getElementById('password').value"));
      for (JsonObject entry :
          browser
              .send("Page.getNavigationHistory")
              .getJsonArray("entries")
              .getValuesAs(JsonObject.class)) {
        assertFalse(
            entry.getString("url").contains("hunter2"), "the history entry's address: " + entry);
      }
      assertNoSecretInThePage("hunter2-secret");
      browser.viewport(1280, 800);
      browser.screenshot(SCREENSHOTS.resolve("helpdesk-1280-start-light.png"));
      // the next ticket arrives by a new fragment: it leaves the address bar too
      browser.eval("location.hash = 'password=second-secret'");
      browser.waitFor(
          "document.getElementById('password').value === 'second-secret'", Duration.ofSeconds(5));
      assertEquals(s.uri() + "/", browser.text("location.href"));
      // leaving the page and coming back: the password is gone (also from the back-forward cache)
      browser.open("about:blank");
      JsonObject history = browser.send("Page.getNavigationHistory");
      int back =
          history
              .getJsonArray("entries")
              .getJsonObject(history.getInt("currentIndex") - 1)
              .getInt("id");
      browser.send("Page.navigateToHistoryEntry", Json.createObjectBuilder().add("entryId", back));
      browser.waitFor(
          "location.href.startsWith('http') && document.readyState === 'complete'",
          Duration.ofSeconds(10));
      assertEquals(
          "",
          browser.text("document.getElementById('password').value"),
          "the password left with the page");
      // "New ticket" clears the line and keeps the agent's token
      browser.eval("document.getElementById('token').value = 'agent-token'");
      browser.eval("document.getElementById('new-ticket').click()");
      assertEquals("", browser.text("document.getElementById('password').value"));
      assertEquals("agent-token", browser.text("document.getElementById('token').value"));
      assertEquals(List.of(), browser.problems());
    }
  }

  /**
   * The reply in the language the agent chose, the devices and the languages offered from the rules
   * in use: the Samsung TV's own menu path in Spanish, in the verdict, the fixes and the reply.
   */
  @Test
  void theReplyInTheChosenLanguageWithTheDevicesMenuPaths() throws Exception {
    try (Simulation sim = Simulation.start("expired-xc2");
        DoctorService s = service(sim, Fixtures.probes(List.of(sim.systemResolvers())))) {
      browser.viewport(1280, 800);
      browser.open(
          s.uri() + "/#" + fragment(sim, Fixtures.TOKEN) + "&device=samsung_tv&lang=es&run=1");
      browser.waitFor("!document.getElementById('result').hidden", ANSWER);
      assertTrue(
          browser.truth(
              "[...document.getElementById('device').options].some(o => o.value === 'lg_tv'"
                  + " && o.textContent === 'LG TV (webOS)')"),
          "the devices come from the rules");
      assertTrue(
          browser.truth(
              "[...document.getElementById('lang').options].some(o => o.value === 'pt-BR'"
                  + " && o.textContent === 'Português (Brasil)')"),
          "the languages come from the rules");
      assertEquals(
          "Autorización fallida", browser.text("document.getElementById('title').textContent"));
      String reply = browser.text("document.getElementById('reply').value");
      assertTrue(reply.contains("Qué hacer") && reply.contains("Renueva la suscripción"), reply);
      assertFalse(reply.contains("What to do"), reply);
      assertEquals(List.of(), browser.problems());
    }
  }

  /**
   * What a reviewer looks at: the page after a diagnosis at 360 px and 1280 px, light and dark, the
   * verdict in view in each, every text on its background at WCAG AA, in every outcome's colours.
   */
  @Test
  void screenshotsWithTheVerdictInViewAndContrastInBothSchemes() throws Exception {
    freshBrowser();
    try (Simulation sim = Simulation.start("expired-xc2");
        DoctorService s = service(sim, Fixtures.probes(List.of(sim.systemResolvers())))) {
      browser.viewport(1280, 800);
      browser.open(
          s.uri()
              + "/#"
              + fragment(sim, Fixtures.TOKEN)
              + "&appMessage=authorization_failed&worksOnMobileData=false&run=1");
      browser.waitFor("!document.getElementById('result').hidden", ANSWER);
      assertEquals(
          "no",
          browser.text("document.querySelector('input[name=worksOnMobileData]:checked').value"));
      assertEquals(
          "authorization_failed", browser.text("document.getElementById('appMessage').value"));
      for (String scheme : List.of("light", "dark")) {
        browser.colourScheme(scheme);
        for (int width : new int[] {1280, 360}) {
          browser.viewport(width, width == 360 ? 900 : 800);
          browser.eval("document.getElementById('verdict').scrollIntoView({block: 'start'})");
          assertTrue(
              browser.truth(
                  "(() => { const r = document.getElementById('verdict').getBoundingClientRect();"
                      + " return r.top >= 0 && r.bottom <= innerHeight; })()"),
              "the verdict is in view at " + width + " px");
          if (width == 1280) {
            assertTrue(
                browser.truth(
                    "document.getElementById('diagnose').getBoundingClientRect().right"
                        + " <= document.getElementById('verdict').getBoundingClientRect().left"),
                "form beside the result");
          } else {
            assertTrue(
                browser.truth(
                    "document.getElementById('diagnose').getBoundingClientRect().bottom"
                        + " <= document.getElementById('verdict').getBoundingClientRect().top"),
                "form above the result");
            assertTrue(
                browser.truth("document.documentElement.scrollWidth <= 360"),
                "nothing wider than 360 px");
          }
          browser.screenshot(SCREENSHOTS.resolve("helpdesk-" + width + "-" + scheme + ".png"));
        }
        browser.eval("document.querySelectorAll('#checks details').forEach(d => d.open = true)");
        for (String outcome : List.of("fault", "unsure", "ok")) {
          browser.eval("document.getElementById('verdict').dataset.outcome = '" + outcome + "'");
          assertEquals(List.of(), contrastFailures(), scheme + ", " + outcome);
        }
        browser.eval(
            "document.getElementById('verdict').dataset.outcome = 'fault';"
                + " document.querySelectorAll('#checks details').forEach(d => d.open = false)");
        browser.eval("document.getElementById('empty').hidden = false");
        for (String kind : List.of("typo", "policy", "token", "please-wait")) {
          browser.eval(
              "{ const p = document.getElementById('problem'); p.hidden = false; p.dataset.kind = '"
                  + kind
                  + "';"
                  + " document.getElementById('problem-kind').textContent = 'Kind';"
                  + " document.getElementById('problem-title').textContent = 'Title';"
                  + " document.getElementById('problem-detail').textContent = 'Detail.'; }");
          assertEquals(List.of(), contrastFailures(), scheme + ", problem " + kind);
        }
        browser.eval(
            "document.getElementById('problem').hidden = true; document.getElementById('empty').hidden = true");
      }
      assertEquals(List.of(), browser.problems());
    }
  }

  // ---- helpers

  private static DoctorService service(Simulation sim, ProbeSettings probes) throws Exception {
    return Fixtures.start(
        Fixtures.settings(),
        probes,
        TargetGuard.of(List.of("127.0.0.1/32"), Set.of(sim.urlPort())));
  }

  private static String fragment(Simulation sim, String token) {
    return "token="
        + enc(token)
        + "&server="
        + enc(sim.serverUrl())
        + "&username="
        + enc(sim.username())
        + "&password="
        + enc(sim.password())
        + "&vantage=remote";
  }

  private static void diagnose() throws Exception {
    diagnoseClicked();
    browser.waitFor("!document.getElementById('result').hidden", ANSWER);
  }

  /** Clicks "Diagnose" once the page is ready (the app messages are listed). */
  private static void diagnoseClicked() throws Exception {
    browser.waitFor(
        "document.getElementById('appMessage').options.length > 1", Duration.ofSeconds(10));
    browser.eval("document.getElementById('run').click()");
  }

  private static int loginsSeen(Simulation sim) {
    return (int) sim.requests().stream().filter(r -> r.toString().contains("player_api")).count();
  }

  /** Presses Tab until the element the selector names has the focus (at most 60 times). */
  private static void tabTo(String selector) throws Exception {
    String focused =
        "document.activeElement === document.querySelector(" + Fixtures.jsonString(selector) + ")";
    for (int i = 0; i < 60 && !browser.truth(focused); i++) {
      browser.press("Tab");
    }
    assertTrue(browser.truth(focused), "Tab never reached " + selector);
  }

  private static void assertNoSecretInThePage(String secret) throws Exception {
    String page =
        browser.text("document.documentElement.outerHTML + location.href + document.title");
    assertFalse(page.contains(secret), "the password is in the page's markup or address");
  }

  /**
   * Every visible text on its background, measured as WCAG 2 does (4.5:1, or 3:1 for large text),
   * and the borders of form controls against what surrounds them (3:1). Returns the failures; fails
   * if it measured suspiciously little.
   */
  static List<String> contrastFailures() throws Exception {
    JsonObject r =
        json(
            browser.text(
                """
        (() => {
          const parse = c => { const m = /rgba?\\(([^)]+)\\)/.exec(c); if (!m) return null;
            const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
            return {r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1}; };
          const over = (f, b) => ({r: f.r * f.a + b.r * (1 - f.a), g: f.g * f.a + b.g * (1 - f.a),
            b: f.b * f.a + b.b * (1 - f.a), a: 1});
          const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
          const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
          const bgOf = el => { let c = {r: 0, g: 0, b: 0, a: 0}; const layers = [];
            for (let e = el; e; e = e.parentElement) { const b = parse(getComputedStyle(e).backgroundColor);
              if (b && b.a > 0) { layers.push(b); if (b.a >= 1) break; } }
            let out = layers.length && layers[layers.length - 1].a >= 1 ? layers.pop() : {r: 255, g: 255, b: 255, a: 1};
            while (layers.length) out = over(layers.pop(), out); return out; };
          const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.split(' ').join('.') : '');
          const shown = e => e.getClientRects().length > 0 && !e.closest('.visually-hidden') && getComputedStyle(e).visibility !== 'hidden';
          const fails = []; let measured = 0;
          for (const e of document.body.querySelectorAll('*')) {
            if (!shown(e) || e.tagName === 'OPTION' || e.tagName === 'SCRIPT') continue;
            const s = getComputedStyle(e);
            const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()) || (e.tagName === 'TEXTAREA' && e.value)
              || (e.tagName === 'INPUT' && /text|password/.test(e.type) && e.value) || e.tagName === 'SELECT';
            const bg = bgOf(e);
            if (own) {
              const fg = over(parse(s.color), bg);
              const size = parseFloat(s.fontSize), bold = parseInt(s.fontWeight, 10) >= 700;
              const need = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
              const got = ratio(fg, bg);
              measured++;
              if (got < need) fails.push(name(e) + ' "' + (e.textContent || e.value).trim().slice(0, 30) + '" ' + s.color + ' on ' + JSON.stringify(bg) + ': ' + got.toFixed(2));
            }
            if (e.matches('input[type=text], input[type=password]') && e.placeholder && !e.value) {
              const p = getComputedStyle(e, '::placeholder');
              const got = ratio(over(parse(p.color), bg), bg); measured++;
              if (got < 4.5) fails.push(name(e) + '::placeholder ' + p.color + ': ' + got.toFixed(2));
            }
            if (e.matches('input[type=text], input[type=password], select, textarea, .toggle label > span, button.quiet')) {
              const around = bgOf(e.parentElement);
              const got = ratio(over(parse(s.borderTopColor), around), around); measured++;
              if (got < 3) fails.push(name(e) + ' border ' + s.borderTopColor + ': ' + got.toFixed(2));
            }
          }
          return JSON.stringify({fails, measured});
        })()"""));
    assertTrue(r.getInt("measured") >= 20, "measured only " + r.getInt("measured") + " pairs");
    return r.getJsonArray("fails").getValuesAs(jakarta.json.JsonString.class).stream()
        .map(jakarta.json.JsonString::getString)
        .toList();
  }

  private static <T extends jakarta.json.JsonStructure> T json(String text) {
    @SuppressWarnings("unchecked")
    T t = (T) Json.createReader(new StringReader(text)).read();
    return t;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
