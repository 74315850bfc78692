package dev.xtreamdoctor.features;

import io.cucumber.core.backend.ObjectFactory;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.Set;
import org.picocontainer.MutablePicoContainer;
import org.picocontainer.PicoBuilder;

/**
 * Cucumber's object factory for the guide's scenarios: a fresh picocontainer per scenario makes the
 * step classes and what their constructors ask for (one {@link World}, one {@link ScenarioRules}),
 * so nothing a scenario builds outlives it, and hands every scenario the run's {@link
 * RulesUnderTest}. {@link ScenarioRunner} passes the one its caller made; a run through JUnit
 * (found through {@code META-INF/services}) tests {@link RulesUnderTest#byProperty()}.
 */
public final class ScenarioObjects implements ObjectFactory {
  private final RulesUnderTest rules;
  private final Set<Class<?>> classes = new LinkedHashSet<>();
  private MutablePicoContainer pico;

  /** For a run through JUnit: the rules of the system property, or the bundled ones. */
  public ScenarioObjects() {
    this(RulesUnderTest.byProperty());
  }

  public ScenarioObjects(RulesUnderTest rules) {
    this.rules = rules;
  }

  @Override
  public boolean addClass(Class<?> glue) {
    if (!classes.contains(glue) && canMake(glue)) {
      classes.add(glue);
      for (java.lang.reflect.Constructor<?> made : glue.getConstructors()) {
        for (Class<?> needed : made.getParameterTypes()) {
          if (needed != RulesUnderTest.class) {
            addClass(needed);
          }
        }
      }
    }
    return true;
  }

  /** A public concrete class with a public constructor: what the container can make. */
  private static boolean canMake(Class<?> c) {
    int m = c.getModifiers();
    return Modifier.isPublic(m)
        && !Modifier.isAbstract(m)
        && !c.isInterface()
        && (c.getEnclosingClass() == null || Modifier.isStatic(m))
        && c.getConstructors().length > 0;
  }

  @Override
  public void start() {
    pico = new PicoBuilder().withCaching().withLifecycle().build();
    pico.addComponent(RulesUnderTest.class, rules);
    for (Class<?> c : classes) {
      pico.addComponent(c);
    }
    pico.start();
  }

  @Override
  public void stop() {
    if (pico != null) {
      pico.stop();
      pico.dispose();
      pico = null;
    }
  }

  @Override
  public <T> T getInstance(Class<T> type) {
    T made = pico.getComponent(type);
    if (made == null) {
      throw new IllegalStateException(
          type.getName() + " cannot be made: a step class needs a public constructor");
    }
    return made;
  }
}
