package org.atalaya.survey;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atalaya.audit.AuditLog;
import org.atalaya.indicator.Indicator;
import org.atalaya.indicator.IndicatorKind;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.measurement.MeasurementImport;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.Messages;
import org.atalaya.survey.estimate.Estimate;
import org.atalaya.survey.estimate.EstimateKind;
import org.atalaya.survey.estimate.Reliability;

/**
 * Surveys feed indicators. Publishing a wave estimates every bound item for the total and for each
 * sex and territory the indicator is broken down by (each cell re-estimated from the microdata in
 * the full design, never averaged), writes one measurement per publishable cell for the wave's
 * period through the ordinary measurement upload, and keeps every cell's interval, SE, n and
 * reliability beside it. Cells below the publication threshold get no measurement (progress shows
 * no data, not a zero) and are kept marked as suppressed. A binding without a weight uses the
 * item's (a household question its household weight), and every cell records which it used.
 */
@Singleton
class IndicatorFeed {
  private final SurveyService surveys;
  private final EstimatesService estimates;
  private final IndicatorService indicators;
  private final IndicatorCells cells;
  private final MeasurementImport measurements;
  private final EstimateDisclosure publication;
  private final AuditLog audit;
  private final WaveApproval approval;

  IndicatorFeed(
      SurveyService surveys,
      EstimatesService estimates,
      IndicatorService indicators,
      IndicatorCells cells,
      MeasurementImport measurements,
      EstimateDisclosure publication,
      AuditLog audit,
      WaveApproval approval) {
    this.surveys = surveys;
    this.estimates = estimates;
    this.indicators = indicators;
    this.cells = cells;
    this.measurements = measurements;
    this.publication = publication;
    this.audit = audit;
    this.approval = approval;
  }

  @Transactional
  IndicatorBinding bind(String code, IndicatorBinding binding) throws SQLException {
    var survey = surveys.require(code);
    Indicator indicator = indicators.require(binding.indicator());
    var request =
        new EstimateRequest(
            binding.item(),
            binding.kind(),
            binding.value(),
            List.of(),
            List.of(),
            binding.weight());
    Outcome.of(survey.doc(), request); // the item, value and kind must fit
    if (binding.weight() != null && !survey.doc().design().weights().contains(binding.weight())) {
      throw ApiException.invalid(
          "weight",
          "survey.unknownWeight",
          binding.weight(),
          String.join(", ", survey.doc().design().weights()));
    }
    if (!fits(indicator.kind(), binding.kind())) {
      throw ApiException.invalid(
          "kind", "survey.kindForIndicator", binding.kind(), indicator.kind());
    }
    cells.bind(indicator.id(), survey.id(), binding);
    audit.created("surveyIndicator", binding.indicator(), binding);
    return binding;
  }

  private static boolean fits(IndicatorKind indicator, EstimateKind estimate) {
    return switch (indicator) {
      case PROPORTION, RATE -> estimate == EstimateKind.PROPORTION;
      case MEAN, INDEX -> estimate == EstimateKind.MEAN;
      case COUNT -> estimate == EstimateKind.TOTAL;
    };
  }

  @Transactional
  List<IndicatorBinding> bindings(String code) throws SQLException {
    return cells.bindings(surveys.require(code).id()).stream()
        .map(IndicatorCells.Bound::binding)
        .toList();
  }

  /** Marks the wave published and feeds every bound indicator; returns measurements written. */
  @Transactional
  Map<String, Long> publish(String code, String waveCode, String user) throws SQLException {
    var survey = surveys.require(code);
    var wave = surveys.wave(survey, waveCode);
    approval.requireValidated(wave.id());
    surveys.publish(wave, true);
    var written = new java.util.LinkedHashMap<String, Long>();
    // One file for every bound indicator: a measurement upload is one per transaction.
    var csv = new StringBuilder("indicador,periodo,sexo,territorio,valor,estado\n");
    for (IndicatorCells.Bound bound : cells.bindings(survey.id())) {
      Indicator indicator = indicators.require(bound.binding().indicator());
      written.put(indicator.code(), feed(survey, wave, indicator, bound, csv));
    }
    if (written.values().stream().anyMatch(n -> n > 0)) {
      try {
        measurements.loadCsv(
            survey.doc().code() + "-" + wave.doc().code() + ".csv", csv.toString(), user);
      } catch (IllegalStateException | IOException e) {
        throw ApiException.invalid(
            "indicator",
            "survey.measurementRefused",
            String.join(", ", written.keySet()),
            e.getMessage());
      }
    }
    return written;
  }

  private long feed(
      SurveyStore.Stored survey,
      SurveyStore.Wave wave,
      Indicator indicator,
      IndicatorCells.Bound bound,
      StringBuilder csv)
      throws SQLException {
    IndicatorBinding b = bound.binding();
    List<List<String>> breakdowns = new ArrayList<>();
    breakdowns.add(List.of());
    if (indicator.bySex()) {
      breakdowns.add(List.of(EstimateRequest.SEX));
    }
    if (indicator.byTerritory()) {
      breakdowns.add(List.of(EstimateRequest.TERRITORY));
    }
    if (indicator.bySex() && indicator.byTerritory()) {
      breakdowns.add(List.of(EstimateRequest.SEX, EstimateRequest.TERRITORY));
    }
    String period = indicator.frequency().label(wave.doc().periodStart());
    // The wave was validated before its publication: so are the figures it feeds.
    List<IndicatorCells.CellInterval> kept = new ArrayList<>();
    long rows = 0;
    for (List<String> by : breakdowns) {
      var request = new EstimateRequest(b.item(), b.kind(), b.value(), by, List.of(), b.weight());
      var computed = estimates.computeAny(survey, wave, request, Messages.DEFAULT);
      // Each answer starts with the total; only the breakdown without domains keeps it.
      for (int i = by.isEmpty() ? 0 : 1; i < computed.estimates().size(); i++) {
        String sex = "_T";
        String territory = "";
        for (EstimateTable.DomainCode d : computed.domains().get(i)) {
          if (d.variable().equals(EstimateRequest.SEX)) {
            sex = d.code();
          } else {
            territory = d.code();
          }
        }
        if (sex.equals("_U")) {
          continue; // not stated: no indicator cell of its own
        }
        Estimate e = computed.estimates().get(i);
        Reliability r = publication.reliability(e);
        boolean suppressed = e.isEmpty() || !publication.publishable(r);
        double scale = b.scaleOrDefault();
        kept.add(
            new IndicatorCells.CellInterval(
                wave.doc().code(),
                wave.doc().periodStart(),
                sex,
                territory.isEmpty() ? "_T" : territory,
                scaled(e.estimate(), scale),
                scaled(e.se(), scale),
                scaled(e.ciLower(), scale),
                scaled(e.ciUpper(), scale),
                EstimateDisclosure.finite(e.cv()),
                e.n(),
                e.isEmpty() ? null : e.df(),
                r.name(),
                e.noInterval() == null ? null : e.noInterval().name(),
                suppressed,
                computed.weight().variable()));
        if (!suppressed) {
          String value =
              BigDecimal.valueOf(e.estimate() * scale)
                  .setScale(6, RoundingMode.HALF_EVEN)
                  .toPlainString();
          csv.append(indicator.code())
              .append(',')
              .append(period)
              .append(',')
              .append(sex)
              .append(',')
              .append(territory)
              .append(',')
              .append(value)
              .append(",VALIDATED\n");
          rows++;
        }
      }
    }
    cells.replace(bound.indicatorId(), wave.id(), kept);
    return rows;
  }

  private static Double scaled(double value, double scale) {
    return EstimateDisclosure.finite(value * scale);
  }
}
