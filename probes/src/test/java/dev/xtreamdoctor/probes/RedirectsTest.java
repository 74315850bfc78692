package dev.xtreamdoctor.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where the app goes next, as OkHttp decides it. */
class RedirectsTest {
  private static final URI AT =
      URI.create("http://old.example.test:8080/player_api.php?username=u&password=p");

  private static String next(String location) {
    return Redirects.next(AT, location).map(URI::toString).orElse("(stops)");
  }

  @Test
  void followsTheStatusesOkHttpFollows() {
    for (int s : new int[] {300, 301, 302, 303, 307, 308}) {
      assertTrue(Redirects.isRedirect(s), "" + s);
    }
    for (int s : new int[] {200, 304, 305, 306, 404}) {
      assertFalse(Redirects.isRedirect(s), "" + s);
    }
  }

  @Test
  void theQueryIsTheLocationsOwn() {
    // the credentials travel on only if the Location carries them
    assertEquals(
        "https://new.example.test/player_api.php", next("https://new.example.test/player_api.php"));
    assertEquals(
        "http://new.example.test:2052/player_api.php?username=u&password=p",
        next("http://new.example.test:2052/player_api.php?username=u&password=p"));
  }

  @Test
  void aRelativeLocationStaysOnTheServer() {
    assertEquals("http://old.example.test:8080/new/player_api.php", next("/new/player_api.php"));
    assertEquals("http://old.example.test:8080/x?y=1", next("x?y=1"));
    assertEquals(
        "https://cdn.example.test/a", next("//cdn.example.test/a".replace("//", "https://")));
  }

  @Test
  void theAppStopsWhereNoHttpUrlFollows() {
    assertEquals("(stops)", next(""));
    assertEquals("(stops)", next(null));
    assertEquals("(stops)", next("ftp://files.example.test/x"));
    assertEquals("(stops)", next("javascript:alert(1)"));
    assertEquals("(stops)", next("http://"));
  }

  @Test
  void aLocationWithSpacesIsReadAsTheAppReadsIt() {
    assertEquals("http://new.example.test/a%20b", next("http://new.example.test/a b"));
    assertEquals(
        Optional.of(80), Redirects.next(AT, "http://new.example.test/").map(Redirects::port));
    assertEquals(
        Optional.of(443), Redirects.next(AT, "https://new.example.test/").map(Redirects::port));
    assertEquals("::1", Redirects.host(URI.create("http://[::1]:80/")));
  }
}
