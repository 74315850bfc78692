package dev.xtreamdoctor.engine.render;

import dev.xtreamdoctor.engine.Diagnosis;

/** Turns a diagnosis into text for one audience. Implementations never print the password. */
public interface Renderer {
  /** The whole rendering, ending with a line break. */
  String render(Diagnosis diagnosis);
}
