package org.atalaya.exchange.dhis2;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atalaya.indicator.Frequency;

/**
 * DHIS2's period identifiers ({@code 2025}, {@code 2025Q1}, {@code 202503}, {@code 2025S1}) and
 * ADX's ({@code 2025-01-01/P1M}) in Atalaya's own writing ({@code 2025}, {@code 2025-Q1}, {@code
 * 2025-03}) for an indicator of the given frequency. A period of another frequency is no value of
 * that indicator: Atalaya does not split or add periods up.
 */
final class Dhis2Periods {
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})(0[1-9]|1[0-2])");
  private static final Pattern SIX_MONTHS = Pattern.compile("(\\d{4})S([12])");
  private static final Pattern ADX = Pattern.compile("(\\d{4})-(\\d{2})-01/P(1Y|3M|1M|6M)");

  private Dhis2Periods() {}

  /** The period's frequency and label, or why it is none Atalaya can take. */
  sealed interface Result permits Ours, Refused {}

  record Ours(Frequency frequency, String label) implements Result {}

  /** {@code reason}: a message key under {@code dhis2.conflict.}. */
  record Refused(String reason) implements Result {}

  static Result read(String period) {
    String p = period == null ? "" : period.trim();
    Matcher m;
    if ((m = YEAR.matcher(p)).matches()) {
      return new Ours(Frequency.ANNUAL, m.group(1));
    }
    if ((m = QUARTER.matcher(p)).matches()) {
      return new Ours(Frequency.QUARTERLY, m.group(1) + "-Q" + m.group(2));
    }
    if ((m = MONTH.matcher(p)).matches()) {
      return new Ours(Frequency.MONTHLY, m.group(1) + "-" + m.group(2));
    }
    if (SIX_MONTHS.matcher(p).matches()) {
      return new Refused("sixMonths");
    }
    if ((m = ADX.matcher(p)).matches()) {
      int month = Integer.parseInt(m.group(2));
      return switch (m.group(3)) {
        case "1Y" -> month == 1 ? new Ours(Frequency.ANNUAL, m.group(1)) : new Refused("period");
        case "3M" ->
            (month - 1) % 3 == 0
                ? new Ours(Frequency.QUARTERLY, m.group(1) + "-Q" + ((month - 1) / 3 + 1))
                : new Refused("period");
        case "1M" ->
            month <= 12
                ? new Ours(Frequency.MONTHLY, m.group(1) + "-" + m.group(2))
                : new Refused("period");
        default -> new Refused("sixMonths");
      };
    }
    return new Refused("period");
  }
}
