package org.atalaya.survey;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * For the wave comparison page: the change of one question's estimate between two waves, for the
 * whole population, by sex and by territory, under the differences API's rules (the public compares
 * published waves only; a cell suppressed in either wave has its change suppressed).
 */
@Singleton
public class SurveyChanges {
  private final WaveComparison comparison;

  SurveyChanges(WaveComparison comparison) {
    this.comparison = comparison;
  }

  /**
   * @param label the domain ("Mujeres", a corregimiento), null for the whole population
   * @param reason why there is no test, in the reader's language (nullable)
   */
  public record Change(
      @Nullable String label,
      @Nullable Double earlier,
      @Nullable Double later,
      @Nullable Double difference,
      @Nullable Double ciLower,
      @Nullable Double ciUpper,
      @Nullable Double pValue,
      @Nullable Boolean significant,
      @Nullable String reason,
      boolean suppressed) {}

  public record Changes(String weightNote, double level, List<Change> cells) {}

  public Changes compare(
      String code, String from, String to, SurveyResults.Item item, boolean staff, Locale locale)
      throws SQLException {
    List<Change> cells = new ArrayList<>();
    String note = "";
    double level = 0.05;
    for (String by : new String[] {null, "sex", "territory"}) {
      var request =
          EstimateRequest.parse(
              item.variable(),
              item.value() == null ? "MEAN" : "PROPORTION",
              item.value(),
              by,
              null,
              null);
      var c = comparison.compare(code, from, to, request, locale, !staff);
      note = c.weightNote();
      level = c.level();
      for (var d : c.cells()) {
        if (by != null && d.domain().isEmpty()) {
          continue; // the total again
        }
        cells.add(
            new Change(
                d.domain().isEmpty() ? null : d.domain().get(0).label(),
                d.earlier(),
                d.later(),
                d.difference(),
                d.ciLower(),
                d.ciUpper(),
                d.pValue(),
                d.significant(),
                d.reason(),
                d.suppressed() && !staff));
      }
    }
    return new Changes(note, level, cells);
  }
}
