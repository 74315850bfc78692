package dev.xtreamdoctor.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The user's device is a fact (ReportedSymptoms.device); the fixes that depend on it (DNS, the
 * app's cache, restarting) show the menu paths of that device, from the catalogue's
 * how.KIND.DEVICE, and the words for any device without one.
 */
class DeviceWordsTest {
  /** The DNS fix of a provider's DNS sending the name to a false address, for this device. */
  private static String dnsFix(String device) {
    Diagnosis d =
        SharedRules.ENGINE.evaluate(
            ExampleFacts.of("dns-tampering")
                .set("ReportedSymptoms", Map.of("device", device))
                .facts());
    assertEquals("DNS_TAMPERING", d.causeIds().get(0));
    return d.fixes().get(0);
  }

  @Test
  void theDnsFixShowsEachDevicesOwnMenuPath() {
    Map<String, String> paths =
        Map.of(
            "firestick", "Settings > Network",
            "android_tv",
                "Settings > Network & Internet > your Wi-Fi network > IP settings > Static",
            "samsung_tv",
                "Settings > General > Network > Network Status > IP Settings > DNS Setting > Enter manually",
            "lg_tv", "Advanced Wi-Fi Settings > Edit",
            "apple", "Configure DNS > Manual",
            "android_phone", "Private DNS",
            "windows", "DNS server assignment > Edit",
            "macos", "System Settings > Network",
            "mag", "DHCP, manual DNS");
    Set<String> fixes = new HashSet<>();
    for (Map.Entry<String, String> e : paths.entrySet()) {
      String fix = dnsFix(e.getKey());
      assertTrue(fix.contains(e.getValue()), e.getKey() + ": " + fix);
      assertTrue(fix.contains("1.1.1.1"), e.getKey() + ": " + fix);
      assertFalse(fix.contains("{how."), fix);
      fixes.add(fix);
    }
    assertEquals(paths.size(), fixes.size(), "every device its own DNS fix");
    String generic = dnsFix("");
    assertFalse(fixes.contains(generic));
    assertEquals(
        generic, dnsFix("other"), "other has no steps of its own: the words for any device");
    assertTrue(generic.contains("network settings"), generic);
  }

  @Test
  void theCacheAndRestartStepsFollowTheDeviceToo() {
    List<String> fire = fixesOf("firestick");
    List<String> lg = fixesOf("lg_tv");
    assertTrue(
        String.join("\n", fire).contains("Manage Installed Applications"), String.join("\n", fire));
    assertTrue(
        String.join("\n", fire).contains("Settings > My Fire TV > Restart"),
        String.join("\n", fire));
    assertTrue(String.join("\n", lg).contains("LG Content Store"), String.join("\n", lg));
    assertNotEquals(fire, lg);
  }

  private static List<String> fixesOf(String device) {
    return SharedRules.ENGINE
        .evaluate(
            ExampleFacts.of("one-device-fails")
                .set("ReportedSymptoms", Map.of("device", device))
                .facts())
        .fixes();
  }

  @Test
  void whatAUserTypesIsReadAsOneDeviceOrRefusedWithTheNearest() {
    Devices devices = Devices.of(SharedRules.BOOK.catalogue());
    assertEquals(
        List.of(
            "firestick",
            "android_tv",
            "android_phone",
            "apple",
            "samsung_tv",
            "lg_tv",
            "windows",
            "macos",
            "mag",
            "other"),
        devices.codes());
    assertEquals("firestick", devices.code("Fire TV").orElseThrow());
    assertEquals("firestick", devices.code("fire-tv-stick").orElseThrow());
    assertEquals("samsung_tv", devices.code("samsung-tv").orElseThrow());
    assertEquals("android_tv", devices.code("Google TV").orElseThrow());
    assertEquals("apple", devices.code("iPhone").orElseThrow());
    assertEquals("lg_tv", devices.code("webOS").orElseThrow());
    assertTrue(devices.code("toaster").isEmpty());
    String refusal = devices.refusal("firestik", true);
    assertTrue(refusal.contains("did you mean firestick?"), refusal);
    assertTrue(refusal.contains("samsung-tv"), refusal);
  }
}
