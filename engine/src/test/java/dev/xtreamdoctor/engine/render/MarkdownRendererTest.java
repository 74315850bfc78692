package dev.xtreamdoctor.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

  @Test
  void aReplyForATicket() {
    String out = new MarkdownRenderer().render(SampleDiagnoses.rejected());
    assertEquals(
        "**Invalid Details**\n"
            + "\n"
            + "Checked http://panel.example:8080 as joe on 12 March 2026, 09:30 UTC.\n"
            + "\n"
            + "### What we found\n"
            + "\n"
            + "- **The panel refused this username and password.** The server is reachable, but the"
            + " login cannot succeed with these details.\n"
            + "\n"
            + "### What to do\n"
            + "\n"
            + "1. Copy the username and password from the provider's message.\n"
            + "2. Check upper and lower case.\n"
            + "\n"
            + "### Details\n"
            + "\n"
            + "- player\\_api.php?username=joe&password=*** answered auth 0\n"
            + "\n"
            + "<sub>xtream-doctor, rules 0123456789abcdef</sub>\n",
        out);
    assertFalse(out.contains(SampleDiagnoses.SECRET));
  }

  @Test
  void noFaultStillListsWarningsAndWhatToDo() {
    String out = new MarkdownRenderer().render(SampleDiagnoses.healthyWithWarning());
    assertTrue(out.contains("### What we found\n\nNo problems found.\n\n- **The login works"), out);
    assertTrue(out.contains("- Also worth a look: The subscription ends in 2 days\n"), out);
    assertTrue(out.contains("2. Renew the subscription with the provider.\n"), out);
    assertTrue(out.contains("- exp\\_date 2 days after the server's clock\n"), out);
  }

  @Test
  void thePlainTextReplySaysTheSameWithoutMarkup() {
    String out = MarkdownRenderer.plainText().render(SampleDiagnoses.rejected());
    assertEquals(
        "Invalid Details\n"
            + "\n"
            + "Checked http://panel.example:8080 as joe on 12 March 2026, 09:30 UTC.\n"
            + "\n"
            + "What we found\n"
            + "\n"
            + "- The panel refused this username and password. The server is reachable, but the"
            + " login cannot succeed with these details.\n"
            + "\n"
            + "What to do\n"
            + "\n"
            + "1. Copy the username and password from the provider's message.\n"
            + "2. Check upper and lower case.\n"
            + "\n"
            + "Details\n"
            + "\n"
            + "- player_api.php?username=joe&password=*** answered auth 0\n"
            + "\n"
            + "xtream-doctor, rules 0123456789abcdef\n",
        out);
    assertFalse(out.contains(SampleDiagnoses.SECRET));
  }
}
