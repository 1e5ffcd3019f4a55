package org.atalaya.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Periods as people read them: "3.er trimestre de 2026", "1.er semestre de 2025", "dic. 2024",
 * "2025" in Spanish; "Q3 2026", "H1 2025", "Dec 2024" in English. Every sentence and table a person
 * reads names a period this way; the codes ({@code 2026-T3}, {@code 2025-S1}, {@code 2024-12}) stay
 * in files, the API and addresses. Text that is no period code comes back unchanged.
 */
public final class Periods {
  private static final Pattern CODE = Pattern.compile("(\\d{4})(?:-([TQSH])([1-4])|-(\\d{2}))?");

  private Periods() {}

  /**
   * A period code handed to a message for people: the service's message formatting writes it as
   * {@link #text} does, in the reader's language, wherever the message ends (a page, a mail, an API
   * problem).
   */
  public record Code(String code) {
    @Override
    public String toString() {
      return code;
    }
  }

  public static Code code(String code) {
    return new Code(code);
  }

  public static String text(String code, Locale locale) {
    if (code == null) {
      return "—";
    }
    Matcher m = CODE.matcher(code.strip());
    if (!m.matches()) {
      return code;
    }
    int year = Integer.parseInt(m.group(1));
    boolean spanish = "es".equals(locale.getLanguage());
    if (m.group(4) != null) {
      int month = Integer.parseInt(m.group(4));
      if (month < 1 || month > 12) {
        return code;
      }
      return DateTimeFormatter.ofPattern("MMM yyyy", locale).format(LocalDate.of(year, month, 1));
    }
    if (m.group(2) == null) {
      return Integer.toString(year);
    }
    int n = Integer.parseInt(m.group(3));
    boolean half = m.group(2).equals("S") || m.group(2).equals("H");
    if (half && n > 2) {
      return code;
    }
    if (spanish) {
      return ordinal(n) + (half ? " semestre de " : " trimestre de ") + year;
    }
    return (half ? "H" : "Q") + n + " " + year;
  }

  /** Spanish abbreviated ordinals: 1.er, 2.º, 3.er, 4.º. */
  private static String ordinal(int n) {
    return n + (n == 1 || n == 3 ? ".er" : ".º");
  }
}
