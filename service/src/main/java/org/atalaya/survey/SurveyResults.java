package org.atalaya.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.Messages;

/**
 * For the survey results pages: the surveys and waves a visitor may read and a wave's estimates,
 * under the estimates API's rules — the public reads published waves only, with cells below the
 * publication threshold suppressed; staff read every wave and every figure.
 */
@Singleton
public class SurveyResults {
  private final SurveyService surveys;
  private final EstimatesService estimates;
  private final IndicatorCells cells;

  SurveyResults(SurveyService surveys, EstimatesService estimates, IndicatorCells cells) {
    this.surveys = surveys;
    this.estimates = estimates;
    this.cells = cells;
  }

  public record Survey(
      String code, String name, @Nullable String universe, List<Wave> waves, List<Item> items) {}

  public record Wave(
      String code, String name, LocalDate periodStart, LocalDate periodEnd, boolean published) {}

  /**
   * What can be estimated: a question's variable and, for a proportion, the answer counted (null:
   * the mean of a numeric question). {@code key} names it in an address ("item" or "item:value").
   */
  public record Item(String key, String variable, String label, @Nullable String value) {}

  /**
   * Estimates of one item by one domain, the whole population first.
   *
   * @param weight the design weight used (empty for typed-in figures)
   * @param weightNote which weight and why, in the reader's language
   */
  public record Estimates(
      String itemLabel,
      @Nullable String valueLabel,
      boolean proportion,
      String mark,
      String weight,
      String weightNote,
      List<Cell> cells) {}

  /**
   * @param label the domain ("Mujeres", a corregimiento), null for the whole population
   * @param reliability RELIABLE, WEAKLY_RELIABLE or NOT_RELIABLE
   * @param suppressed below the publication threshold: no figures for the public
   */
  public record Cell(
      @Nullable String code,
      @Nullable String label,
      @Nullable Double estimate,
      @Nullable Double ciLower,
      @Nullable Double ciUpper,
      @Nullable Double cv,
      long n,
      @Nullable String reliability,
      @Nullable String reason,
      boolean suppressed) {}

  /** Staff as the estimates API counts them: analysts, administrators and the committee. */
  public static boolean staff(@Nullable Authentication auth) {
    return EstimatesController.staff(auth);
  }

  /** Surveys with a wave the visitor may read, each with those waves. */
  public List<Survey> list(boolean staff, Locale locale) throws SQLException {
    List<Survey> out = new ArrayList<>();
    for (SurveyDoc doc : surveys.list()) {
      Survey s = of(doc, staff, locale);
      if (!s.waves().isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  /** One survey, "not found" to the public while none of its waves is published. */
  public Survey survey(String code, boolean staff, Locale locale) throws SQLException {
    Survey s = of(surveys.require(code).doc(), staff, locale);
    if (s.waves().isEmpty() && !staff) {
      throw ApiException.notFound("survey", code);
    }
    return s;
  }

  /** {@code by} is "sex" or "territory"; the wave must be one {@link #survey} listed. */
  public Estimates estimates(
      String code, String wave, Item item, String by, boolean staff, Locale locale)
      throws SQLException {
    return estimates(code, wave, item, by, null, staff, locale);
  }

  /**
   * The same among the respondents of one sex ({@code F} or {@code M}; null for everyone): the
   * estimates API's {@code filter=sex:F}.
   */
  public Estimates estimates(
      String code,
      String wave,
      Item item,
      String by,
      @Nullable String sex,
      boolean staff,
      Locale locale)
      throws SQLException {
    var request =
        EstimateRequest.parse(
            item.variable(),
            item.value() == null ? "MEAN" : "PROPORTION",
            item.value(),
            by,
            sex == null ? null : List.of(EstimateRequest.SEX + ":" + sex),
            null);
    EstimateTable table = estimates.table(code, wave, request, locale, !staff);
    List<Cell> cells =
        table.cells().stream()
            .map(
                c -> {
                  var d = c.domain().isEmpty() ? null : c.domain().get(0);
                  return new Cell(
                      d == null ? null : d.code(),
                      d == null ? null : d.label(),
                      c.estimate(),
                      c.ciLower(),
                      c.ciUpper(),
                      c.cv(),
                      c.n(),
                      c.reliability(),
                      c.reason(),
                      c.suppressed());
                })
            .toList();
    return new Estimates(
        table.itemLabel(),
        table.valueLabel(),
        item.value() != null,
        table.suppressionMark(),
        table.weight(),
        table.weightNote(),
        cells);
  }

  /**
   * A published wave of the survey feeding an indicator, by corregimiento: the survey page's map of
   * the question, as the public reads it (suppressed cells without figures), in the indicator's
   * unit, whether or not the indicator itself is broken down by corregimiento.
   *
   * @param places one cell per corregimiento (sex _T), in the estimates API's order
   */
  public record WaveMap(
      String survey,
      String wave,
      LocalDate periodStart,
      LocalDate periodEnd,
      List<IndicatorCells.CellInterval> places) {}

  /** Empty when no survey feeds the indicator or the wave is not published. */
  public java.util.Optional<WaveMap> placesForIndicator(String indicatorCode, String waveCode)
      throws SQLException {
    var fed = cells.fedBy(indicatorCode).orElse(null);
    if (fed == null) {
      return java.util.Optional.empty();
    }
    var stored = surveys.require(fed.survey());
    var wave = surveys.wave(stored, waveCode);
    if (!Boolean.TRUE.equals(wave.doc().published())) {
      return java.util.Optional.empty();
    }
    IndicatorBinding b = fed.binding();
    var request =
        new EstimateRequest(
            b.item(),
            b.kind(),
            b.value(),
            List.of(EstimateRequest.TERRITORY),
            List.of(),
            b.weight());
    EstimateTable table = estimates.table(fed.survey(), waveCode, request, Messages.DEFAULT, true);
    double scale = b.scaleOrDefault();
    List<IndicatorCells.CellInterval> places = new ArrayList<>();
    for (EstimateTable.Cell c : table.cells()) {
      if (c.domain().isEmpty()) {
        continue;
      }
      places.add(
          new IndicatorCells.CellInterval(
              waveCode,
              wave.doc().periodStart(),
              "_T",
              c.domain().get(0).code(),
              scaled(c.estimate(), scale),
              scaled(c.se(), scale),
              scaled(c.ciLower(), scale),
              scaled(c.ciUpper(), scale),
              c.cv(),
              c.n(),
              c.df(),
              c.reliability(),
              c.noInterval(),
              c.suppressed(),
              table.weight()));
    }
    return java.util.Optional.of(
        new WaveMap(
            stored.doc().name(),
            wave.doc().name(),
            wave.doc().periodStart(),
            wave.doc().periodEnd(),
            places));
  }

  private static Double scaled(@Nullable Double v, double scale) {
    return v == null ? null : v * scale;
  }

  private Survey of(SurveyDoc doc, boolean staff, Locale locale) throws SQLException {
    boolean english = EstimatesService.english(locale);
    List<Wave> waves =
        surveys.waves(doc.code()).stream()
            .filter(w -> staff || Boolean.TRUE.equals(w.published()))
            .map(
                w ->
                    new Wave(
                        w.code(),
                        w.name(),
                        w.periodStart(),
                        w.periodEnd(),
                        Boolean.TRUE.equals(w.published())))
            .toList();
    List<Item> items = new ArrayList<>();
    for (SurveyDoc.Item i : doc.items()) {
      String label = english && i.labelEn() != null ? i.labelEn() : i.label();
      switch (i.type()) {
        case BINARY -> items.add(new Item(i.code(), i.code(), label, i.values().get(0).code()));
        case NUMERIC -> items.add(new Item(i.code(), i.code(), label, null));
        case CATEGORICAL, LIKERT, SELECT_MULTIPLE -> {
          for (SurveyDoc.ValueLabel v : i.values()) {
            String value = english && v.labelEn() != null ? v.labelEn() : v.label();
            items.add(
                new Item(i.code() + ":" + v.code(), i.code(), label + ": " + value, v.code()));
          }
        }
      }
    }
    return new Survey(doc.code(), doc.name(), doc.universe(), waves, items);
  }
}
