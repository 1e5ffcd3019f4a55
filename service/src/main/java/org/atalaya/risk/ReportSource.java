package org.atalaya.risk;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a report of an unsafe place came from: the observatory's own records, a survey question
 * with a location, or an exploratory walk with women of the neighbourhood.
 */
public enum ReportSource {
  RECORD("registro"),
  SURVEY("encuesta"),
  WALK("recorrido");

  private final String word;

  ReportSource(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }

  public static Optional<ReportSource> parse(String text) {
    String t = text.trim();
    return Arrays.stream(values())
        .filter(k -> k.word.equalsIgnoreCase(t) || k.name().equalsIgnoreCase(t))
        .findFirst();
  }

  static String words() {
    return String.join(", ", Arrays.stream(values()).map(ReportSource::word).toList());
  }
}
