package org.atalaya.risk;

import java.util.Arrays;
import java.util.Optional;

/**
 * What kind of place was reported unsafe. The kind is all that is kept of where it is beyond the
 * generalised point: no address, no description, nothing that could lead to a home.
 */
public enum PlaceKind {
  STREET("calle"),
  PARK("parque"),
  STOP("parada"),
  VACANT_LOT("lote"),
  PATH("sendero"),
  MARKET("mercado"),
  OTHER("otro");

  private final String word;

  PlaceKind(String word) {
    this.word = word;
  }

  /** How a file or a form names it: the Spanish word ("parada") or the constant ("STOP"). */
  public String word() {
    return word;
  }

  public static Optional<PlaceKind> parse(String text) {
    String t = text.trim();
    return Arrays.stream(values())
        .filter(k -> k.word.equalsIgnoreCase(t) || k.name().equalsIgnoreCase(t))
        .findFirst();
  }

  static String words() {
    return String.join(", ", Arrays.stream(values()).map(PlaceKind::word).toList());
  }
}
