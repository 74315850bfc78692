package dev.xtreamdoctor.engine.render;

import dev.xtreamdoctor.engine.Diagnosis.FindingView;
import dev.xtreamdoctor.engine.ReportWords;
import dev.xtreamdoctor.engine.facts.Fact;
import java.util.List;

/**
 * One line of the doctor's report: a layer of the login, what was seen there and its findings.
 *
 * @param layer the finding layer name ({@code dns}, {@code login}...)
 * @param label how the line is titled ({@code DNS}, {@code Login}...)
 * @param state the mark to show
 * @param status a short description of what was observed, in words, or empty
 * @param detail the same in codes and raw fields, for {@code -v}, or empty
 * @param facts the facts of this layer
 * @param findings the findings on this layer, most severe first
 */
record Check(
    String layer,
    String label,
    State state,
    String status,
    String detail,
    List<Fact> facts,
    List<FindingView> findings) {

  /** The status as shown, in these words: what was observed, else why nothing was. */
  String shownStatus(ReportWords words) {
    if (status.isEmpty() && state == State.UNCHECKED && facts.isEmpty()) {
      return words.say("status.not_reached");
    }
    if (status.isEmpty() && state == State.NONE) {
      return words.say("status.not_checked");
    }
    return status;
  }

  /** The mark of a check. */
  enum State {
    /** Facts exist and nothing is wrong. */
    OK("✓"),
    /** An error finding: this layer is broken. */
    FAULT("✗"),
    /** A warning: it works, but watch out. */
    WARNING("!"),
    /** The tool could not check it, or an earlier failure stopped the login before it. */
    UNCHECKED("?"),
    /** No facts: this layer was not looked at. */
    NONE("-");

    private final String mark;

    State(String mark) {
      this.mark = mark;
    }

    /** The mark the terminal report shows between brackets (its Unicode form). */
    String mark() {
      return mark;
    }
  }
}
