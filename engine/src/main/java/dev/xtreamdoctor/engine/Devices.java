package dev.xtreamdoctor.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The closed list of devices a user may name, as the rules' catalogue lists them ({@code
 * device.CODE = Name}, {@code device.CODE.aliases = other, spellings}), and what a user typed read
 * as one of them: {@code Fire-TV}, {@code firestick} and {@code fire tv stick} are all {@code
 * firestick} in the bundled rules. Anything else is refused with the nearest one.
 */
public final class Devices {
  private final Map<String, String> names;

  /** A spelling, squeezed ({@link #squeeze}), to its code. */
  private final Map<String, String> spellings;

  private Devices(Map<String, String> names, Map<String, String> spellings) {
    this.names = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(names));
    this.spellings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(spellings));
  }

  /** The devices of a catalogue (its English list, for a language catalogue). */
  public static Devices of(Catalogue catalogue) {
    Map<String, String> names = new LinkedHashMap<>(catalogue.devices());
    Map<String, String> spellings = new LinkedHashMap<>();
    for (String code : names.keySet()) {
      spellings.putIfAbsent(squeeze(code), code);
    }
    for (String code : names.keySet()) {
      for (String alias : catalogue.deviceAliases(code)) {
        spellings.putIfAbsent(squeeze(alias), code);
      }
    }
    return new Devices(names, spellings);
  }

  /** Code to name, in the catalogue's order. */
  public Map<String, String> names() {
    return names;
  }

  /** The codes, in the catalogue's order. */
  public List<String> codes() {
    return List.copyOf(names.keySet());
  }

  /** The device a user typed, as its code; empty when it is none of them. */
  public Optional<String> code(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(spellings.get(squeeze(typed)));
  }

  /**
   * Why a typed device is refused, in one line: the nearest device if one is close, and the list.
   * Codes are written with dashes, as a command line takes them, when {@code dashes} is set.
   */
  public String refusal(String typed, boolean dashes) {
    String s = squeeze(typed);
    String near =
        FactModel.closest(s, new ArrayList<>(spellings.keySet()))
            .map(spellings::get)
            .map(c -> " (did you mean " + written(c, dashes) + "?)")
            .orElse("");
    List<String> all = new ArrayList<>();
    names.keySet().forEach(c -> all.add(written(c, dashes)));
    return "'"
        + printable(typed)
        + "' is not a device the rules know"
        + near
        + "; the devices are "
        + String.join(", ", all);
  }

  private static String written(String code, boolean dashes) {
    return dashes ? code.replace('_', '-') : code;
  }

  /**
   * Lower case, without spaces, dashes, underscores or other punctuation: how spellings compare.
   */
  static String squeeze(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
  }

  private static String printable(String s) {
    String p = s.replaceAll("[^\\p{L}\\p{N} ._+-]", "?");
    return p.length() > 40 ? p.substring(0, 40) + "..." : p;
  }
}
