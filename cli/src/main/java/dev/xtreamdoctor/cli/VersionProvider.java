package dev.xtreamdoctor.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: this build's version, from the jar's manifest. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = XtreamDoctor.class.getPackage().getImplementationVersion();
    return new String[] {
      "xtream-doctor " + (v == null ? "(development build)" : v),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ")"
    };
  }
}
