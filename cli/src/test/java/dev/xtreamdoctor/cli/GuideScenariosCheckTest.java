package dev.xtreamdoctor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xtreamdoctor.api.RulesStatus;
import dev.xtreamdoctor.api.XtreamDoctor;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hot reload gated by the guide scenarios keeps serving the last good rules. */
class GuideScenariosCheckTest {
  @TempDir Path tmp;

  @Test
  void aReloadThatFlipsAGuideScenarioIsRefusedAndAPassingOneIsTaken() throws Exception {
    Path rules = SupportStaffWorkflowTest.copyOfRules(tmp.resolve("rules"));
    Path chapter = rules.resolve("30-authorization-failed.dslr");
    String original = Files.readString(chapter);
    try (XtreamDoctor doctor =
        XtreamDoctor.builder()
            .rulesDirectory(rules)
            .rulesCheck(new GuideScenariosCheck())
            .build()) {
      String inUse = doctor.rules().fingerprint();

      Files.writeString(
          chapter,
          original.replace(
              "Conclude AUTHORIZATION_FAILED because of BANNED at the account layer",
              "Conclude LOGIN_FAILED because of BANNED at the account layer"));
      assertFalse(doctor.reloadRules(), "a rule set that fails a guide scenario must be refused");
      RulesStatus refused = doctor.rules();
      assertEquals(inUse, refused.fingerprint(), "the last good rules stay in use");
      String problems = refused.lastReload().orElseThrow().problems().toString();
      assertTrue(problems.contains("features/authorization-failed.feature"), problems);
      assertTrue(problems.contains("The provider banned the line"), problems);
      assertTrue(
          problems.contains("expected category AUTHORIZATION_FAILED, got LOGIN_FAILED"), problems);

      Files.writeString(chapter, original + "\n// reviewed\n");
      assertTrue(doctor.reloadRules(), doctor.rules().toString());
      assertFalse(inUse.equals(doctor.rules().fingerprint()), "the passing edit is in use");
    }
  }
}
