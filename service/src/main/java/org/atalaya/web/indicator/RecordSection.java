package org.atalaya.web.indicator;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atalaya.chart.ChartPoint;
import org.atalaya.indicator.Frequency;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.measurement.MeasurementQueries;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.ApiException.FieldError;
import org.atalaya.shared.Dates;
import org.atalaya.web.Filters;
import org.atalaya.web.NumberText;
import org.atalaya.web.review.ReviewPage.PeriodView;
import org.atalaya.web.review.ReviewService;

/**
 * What signed-in people see of one period of the indicator beside its figures: every value the cell
 * has had (who, when, why) and the committee's review of the period. Never for the public: earlier
 * values and comments may speak of figures that were never published.
 */
@Singleton
class RecordSection {

  private final MeasurementQueries measurements;
  private final ReviewService reviews;

  RecordSection(MeasurementQueries measurements, ReviewService reviews) {
    this.measurements = measurements;
    this.reviews = reviews;
  }

  /**
   * @param period the period shown, as the indicator's frequency writes it
   * @param periods the periods with figures, newest first, to choose from
   * @param approval the period's review (state, approval, comments), null while it has no figure,
   *     comment or approval
   */
  public record Section(
      String period,
      List<String> periods,
      List<RevisionRow> history,
      @Nullable PeriodView approval) {}

  public record RevisionRow(
      int revision, String value, String status, String by, String at, @Nullable String reason) {}

  /**
   * The period asked for, else the newest with a figure; checked for everyone, so that a bad
   * address is a 400 whether or not the visitor may see the section.
   */
  static @Nullable String period(
      IndicatorDoc doc, @Nullable String asked, List<ChartPoint> points) {
    Frequency frequency = doc.frequency();
    if (asked != null && !asked.isBlank()) {
      LocalDate start =
          frequency
              .parse(asked.strip())
              .orElseThrow(
                  () ->
                      // A bad address, as for the other filters: 400 naming the field.
                      new ApiException(
                          HttpStatus.BAD_REQUEST,
                          "problem.invalid",
                          List.of(
                              new FieldError(
                                  "periodo",
                                  "format",
                                  frequency.label(LocalDate.of(2025, 1, 1))))));
      return frequency.label(start);
    }
    return points.isEmpty() ? null : frequency.label(points.get(points.size() - 1).period());
  }

  Section of(IndicatorDoc doc, String period, Filters f, List<ChartPoint> points, Locale locale)
      throws SQLException {
    List<String> periods = new ArrayList<>();
    for (int i = points.size() - 1; i >= 0; i--) {
      String label = doc.frequency().label(points.get(i).period());
      if (!periods.contains(label)) {
        periods.add(label);
      }
    }
    if (!periods.contains(period)) {
      periods.add(0, period);
    }
    int decimals = doc.kind() == org.atalaya.indicator.IndicatorKind.COUNT ? 0 : 2;
    List<RevisionRow> history =
        measurements.revisions(doc.code(), period, f.sex(), f.territory()).stream()
            .map(
                r ->
                    new RevisionRow(
                        r.revision(),
                        NumberText.number(r.value().doubleValue(), decimals, locale),
                        r.status(),
                        r.recordedBy(),
                        Dates.moment(r.recordedAt(), locale),
                        r.reason()))
            .toList();
    PeriodView approved = reviews.period(doc.code(), period, locale).orElse(null);
    return new Section(period, periods, history, approved);
  }
}
