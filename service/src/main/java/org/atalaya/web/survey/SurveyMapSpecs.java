package org.atalaya.web.survey;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.atalaya.chart.ChartMeta;
import org.atalaya.chart.ChoroplethMap;
import org.atalaya.chart.NumberStyle;
import org.atalaya.indicator.Sex;
import org.atalaya.shared.Messages;
import org.atalaya.survey.EstimateMaps;
import org.atalaya.survey.SurveyResults;
import org.atalaya.territory.BoundaryService;
import org.atalaya.territory.Territory;
import org.atalaya.territory.TerritoryService;

/**
 * The survey page's map: the chosen question's estimate by corregimiento for the chosen wave and
 * sex, from the same cells as the estimates API and the page's tables (the estimates API's rules
 * for who sees what), drawn on the outlines of the corregimientos' district.
 */
@Singleton
class SurveyMapSpecs {
  private final SurveyResults results;
  private final BoundaryService boundaries;
  private final TerritoryService territories;

  SurveyMapSpecs(SurveyResults results, BoundaryService boundaries, TerritoryService territories) {
    this.results = results;
    this.boundaries = boundaries;
    this.territories = territories;
  }

  /** The estimates by corregimiento among the respondents of {@code sex} (everyone for _T). */
  SurveyResults.Estimates estimates(
      SurveyFigures.Selection s, Sex sex, boolean staff, Locale locale) throws SQLException {
    return results.estimates(
        s.survey().code(),
        s.wave().code(),
        s.item(),
        SurveyFigures.By.TERRITORIO.api,
        sex == Sex._T ? null : sex.name(),
        staff,
        locale);
  }

  /** The map, or null when the survey's corregimientos have no outlines. */
  @Nullable
  ChoroplethMap map(
      SurveyFigures.Selection s,
      SurveyResults.Estimates e,
      Sex sex,
      String fieldwork,
      Locale locale) {
    String district = district(e);
    if (district == null) {
      return null;
    }
    double scale = e.proportion() ? 100 : 1;
    List<EstimateMaps.Place> places =
        e.cells().stream()
            .filter(c -> c.code() != null)
            .map(
                c ->
                    c.suppressed() || c.estimate() == null
                        ? new EstimateMaps.Place(c.code(), null, true, false)
                        : new EstimateMaps.Place(
                            c.code(),
                            c.estimate() * scale,
                            false,
                            !"RELIABLE".equals(c.reliability())))
            .toList();
    String title = Messages.format(locale, "web.surveys.map.title." + sex.name(), s.item().label());
    String unit = e.proportion() ? "%" : Messages.format(locale, "web.surveys.mean");
    ChartMeta meta =
        new ChartMeta(
            title,
            unit,
            SurveyFigures.source(s, locale),
            s.wave().periodEnd(),
            NumberStyle.ONE_DECIMAL);
    return EstimateMaps.of(boundaries.childrenOf(district), places, meta, fieldwork, locale);
  }

  /** The district whose corregimientos the cells are: the parent of the first one known. */
  private @Nullable String district(SurveyResults.Estimates e) {
    return e.cells().stream()
        .map(SurveyResults.Cell::code)
        .filter(Objects::nonNull)
        .map(code -> territories.find(code).orElse(null))
        .filter(t -> t != null && t.parentId() != null)
        .map(t -> territories.byId(t.parentId()).map(Territory::code).orElse(null))
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
  }
}
