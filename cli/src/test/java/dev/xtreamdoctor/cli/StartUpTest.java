package dev.xtreamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.drools.util.Config;
import org.junit.jupiter.api.Test;

class StartUpTest {
  @Test
  void droolsStillReadsItsSettingsFromSystemPropertiesAfterInstall() {
    System.setProperty("drools.xtreamdoctor.test-setting", "seen");
    try {
      StartUp.installDroolsSettings();
      StartUp.installDroolsSettings(); // a second call is harmless
      assertEquals("seen", Config.getConfig("drools.xtreamdoctor.test-setting"));
    } finally {
      System.clearProperty("drools.xtreamdoctor.test-setting");
    }
  }
}
