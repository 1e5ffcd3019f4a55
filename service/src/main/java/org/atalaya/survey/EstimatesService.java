package org.atalaya.survey;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.Messages;
import org.atalaya.survey.estimate.Estimate;
import org.atalaya.survey.estimate.Estimator;
import org.atalaya.territory.Territory;
import org.atalaya.territory.TerritoryService;

/**
 * Design-based estimates of a wave: reads the few columns needed, builds the design and the
 * domains, and asks the estimator for all domains at once (always inside the full design). A wave
 * without microdata answers from the aggregates entered for it.
 */
@Singleton
class EstimatesService {
  private final SurveyService surveys;
  private final WaveCache waves;
  private final TerritoryService territories;
  private final EstimateDisclosure publication;
  private final AggregateStore aggregates;
  private final WaveApproval approval;

  EstimatesService(
      SurveyService surveys,
      WaveCache waves,
      TerritoryService territories,
      EstimateDisclosure publication,
      AggregateStore aggregates,
      WaveApproval approval) {
    this.surveys = surveys;
    this.waves = waves;
    this.territories = territories;
    this.publication = publication;
    this.aggregates = aggregates;
    this.approval = approval;
  }

  /** The raw estimates with their domain labels, before publication rules. */
  record Computed(
      Outcome outcome,
      WeightUsed weight,
      List<List<EstimateTable.DomainCode>> domains,
      List<Estimate> estimates) {}

  @Transactional(readOnly = true)
  EstimateTable table(
      String code, String waveCode, EstimateRequest request, Locale locale, boolean anonymous)
      throws SQLException {
    var survey = surveys.require(code);
    var wave = surveys.wave(survey, waveCode);
    if (anonymous && !Boolean.TRUE.equals(wave.doc().published())) {
      throw ApiException.notFound("surveyWave", waveCode);
    }
    Computed computed = computeAny(survey, wave, request, locale);
    List<EstimateTable.Cell> cells = new ArrayList<>();
    for (int i = 0; i < computed.estimates().size(); i++) {
      cells.add(
          publication.cell(
              computed.domains().get(i), computed.estimates().get(i), anonymous, locale));
    }
    boolean english = english(locale);
    return new EstimateTable(
        survey.doc().code(),
        wave.doc().code(),
        computed.outcome().item().code(),
        computed.outcome().label(english),
        request.kind(),
        computed.outcome().value() == null ? null : computed.outcome().value().code(),
        computed.outcome().valueLabel(english),
        request.by(),
        request.filter(),
        computed.weight().variable(),
        computed.weight().source().name(),
        computed.weight().note(locale),
        publication.scheme(),
        publication.mark(locale),
        List.copyOf(cells),
        approval.state(wave.id()));
  }

  /** From the microdata when the wave has them, else from the aggregates entered for it. */
  @Transactional(readOnly = true)
  Computed computeAny(
      SurveyStore.Stored survey, SurveyStore.Wave wave, EstimateRequest request, Locale locale)
      throws SQLException {
    return wave.doc().loaded() == null
        ? aggregates.estimates(wave.id(), survey.doc(), request, locale)
        : compute(survey.doc(), wave.id(), request, locale);
  }

  /** The total first (when no domain is asked, or always for indicator cells), then each domain. */
  @Transactional(readOnly = true)
  Computed compute(SurveyDoc survey, long waveId, EstimateRequest request, Locale locale)
      throws SQLException {
    Outcome outcome = Outcome.of(survey, request);
    List<String> weights = survey.design().weights();
    WeightUsed weight =
        request.weight() == null
            ? survey.weightOf(outcome.item())
            : new WeightUsed(request.weight(), WeightUsed.Source.ASKED);
    if (!weights.contains(weight.variable())) {
      throw ApiException.invalid(
          "weight", "survey.unknownWeight", weight.variable(), String.join(", ", weights));
    }
    List<String> variables = new ArrayList<>(outcome.variables());
    for (String item : Domains.itemsNeeded(survey, request.by())) {
      if (!variables.contains(item)) {
        variables.add(item);
      }
    }
    for (EstimateRequest.Filter f : request.filters()) {
      if (!DomainFilters.designVariable(f.variable()) && !variables.contains(f.variable())) {
        variables.add(DomainFilters.item(survey, f).code());
      }
    }
    WaveData data = waves.data(waveId, weights.indexOf(weight.variable()), variables);
    if (data.size() == 0) {
      throw ApiException.invalid("wave", "survey.noMicrodata");
    }
    var design = data.design();
    double[] y = outcome.values(data);
    boolean[] inFilter =
        DomainFilters.among(survey, request.filters(), data, t -> territories.find(t).isPresent());
    boolean english = english(locale);
    List<Domains.Axis> axes = new ArrayList<>();
    for (String by : request.by()) {
      axes.add(
          Domains.axis(
              by,
              survey,
              data,
              english,
              t -> territories.find(t).map(Territory::name).orElse(t),
              s -> Messages.format(locale, "survey.sex." + s)));
    }
    List<List<EstimateTable.DomainCode>> cells = new ArrayList<>();
    List<Estimate> estimates = new ArrayList<>();
    cells.add(List.of());
    estimates.add(Estimator.estimate(design, request.kind(), y, inFilter));
    if (!axes.isEmpty()) {
      Domains domains = Domains.build(axes, inFilter, data.size());
      cells.addAll(domains.cells());
      estimates.addAll(
          List.of(
              Estimator.byDomain(
                  design, request.kind(), y, domains.codes(), domains.cells().size())));
    }
    return new Computed(outcome, weight, cells, estimates);
  }

  static boolean english(Locale locale) {
    return "en".equals(locale.getLanguage());
  }
}
