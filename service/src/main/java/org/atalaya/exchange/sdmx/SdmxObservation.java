package org.atalaya.exchange.sdmx;

import io.micronaut.core.annotation.Nullable;
import java.util.Objects;

/**
 * One observation of the data structure {@link Dsd}: its key (indicator, area, sex, age, period),
 * its value and its attributes. A withheld observation ({@code CONF_STATUS} C) carries no value and
 * no bounds, as SDMX asks of confidential cells: never a number, never a zero.
 */
public record SdmxObservation(
    String indicator,
    String refArea,
    String sex,
    String age,
    String timePeriod,
    @Nullable Double value,
    String obsStatus,
    String confStatus,
    String unit,
    @Nullable Double lower,
    @Nullable Double upper) {

  /** Normal value (SDMX code list CL_OBS_STATUS). */
  public static final String NORMAL = "A";

  public static final String PROVISIONAL = "P";
  public static final String ESTIMATED = "E";

  /** Missing: here, withheld so that nobody can be recognised. */
  public static final String MISSING = "M";

  /** Free (CL_CONF_STATUS). */
  public static final String FREE = "F";

  /** Confidential. */
  public static final String CONFIDENTIAL = "C";

  public SdmxObservation {
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(refArea, "refArea");
    Objects.requireNonNull(sex, "sex");
    Objects.requireNonNull(age, "age");
    Objects.requireNonNull(timePeriod, "timePeriod");
    Objects.requireNonNull(obsStatus, "obsStatus");
    Objects.requireNonNull(confStatus, "confStatus");
    if (CONFIDENTIAL.equals(confStatus) && (value != null || lower != null || upper != null)) {
      throw new IllegalArgumentException("a confidential observation carries no value");
    }
    if (!CONFIDENTIAL.equals(confStatus) && value == null) {
      throw new IllegalArgumentException("an observation that is not withheld has a value");
    }
  }

  /** A value anybody may read; {@code provisional} when it is not validated yet. */
  public static SdmxObservation shown(
      String indicator,
      String refArea,
      String sex,
      String timePeriod,
      double value,
      boolean provisional,
      String unit) {
    return new SdmxObservation(
        indicator,
        refArea,
        sex,
        Dsd.ALL_AGES,
        timePeriod,
        value,
        provisional ? PROVISIONAL : NORMAL,
        FREE,
        unit,
        null,
        null);
  }

  /** A withheld cell: its key, no value. */
  public static SdmxObservation withheld(
      String indicator, String refArea, String sex, String timePeriod, String unit) {
    return new SdmxObservation(
        indicator,
        refArea,
        sex,
        Dsd.ALL_AGES,
        timePeriod,
        null,
        MISSING,
        CONFIDENTIAL,
        unit,
        null,
        null);
  }

  /** The key that identifies the observation, in the structure's dimension order. */
  public String key() {
    return String.join(".", indicator, refArea, sex, age, timePeriod);
  }

  public boolean withheld() {
    return CONFIDENTIAL.equals(confStatus);
  }
}
