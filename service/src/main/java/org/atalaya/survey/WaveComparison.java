package org.atalaya.survey;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.Messages;
import org.atalaya.survey.estimate.Estimate;
import org.atalaya.survey.estimate.EstimateKind;
import org.atalaya.survey.estimate.WaveDifference;

/**
 * The change of an estimate between two waves, domain by domain, with its t test (waves are
 * independent samples). For anonymous callers both waves must be published, and a domain whose
 * estimate is suppressed in either wave has its change suppressed too. The filters and the weight
 * are those of the estimates API, and the answer says both.
 */
@Singleton
class WaveComparison {
  private final SurveyService surveys;
  private final EstimatesService estimates;
  private final EstimateDisclosure publication;

  WaveComparison(
      SurveyService surveys, EstimatesService estimates, EstimateDisclosure publication) {
    this.surveys = surveys;
    this.estimates = estimates;
    this.publication = publication;
  }

  @Serdeable
  record Comparison(
      String survey,
      String item,
      EstimateKind kind,
      @Nullable String value,
      String from,
      String to,
      List<String> by,
      @Nullable String filter,
      String weight,
      String weightNote,
      double level,
      List<Change> cells) {}

  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record Change(
      List<EstimateTable.DomainCode> domain,
      @Nullable Double earlier,
      @Nullable Double later,
      @Nullable Double difference,
      @Nullable Double ciLower,
      @Nullable Double ciUpper,
      @Nullable Double se,
      @Nullable Double statistic,
      @Nullable Integer df,
      @Nullable Double pValue,
      @Nullable Boolean significant,
      @Nullable String noTest,
      @Nullable String reason,
      boolean suppressed) {}

  @Transactional(readOnly = true)
  Comparison compare(
      String code,
      String from,
      String to,
      EstimateRequest request,
      Locale locale,
      boolean anonymous)
      throws SQLException {
    var survey = surveys.require(code);
    var earlier = surveys.wave(survey, from);
    var later = surveys.wave(survey, to);
    for (var w : List.of(earlier, later)) {
      if (anonymous && !Boolean.TRUE.equals(w.doc().published())) {
        throw ApiException.notFound("surveyWave", w.doc().code());
      }
    }
    var a = estimates.computeAny(survey, earlier, request, locale);
    var b = estimates.computeAny(survey, later, request, locale);
    Map<List<String>, Estimate> before = new HashMap<>();
    for (int i = 0; i < a.domains().size(); i++) {
      before.put(codes(a.domains().get(i)), a.estimates().get(i));
    }
    List<Change> changes = new ArrayList<>();
    for (int i = 0; i < b.domains().size(); i++) {
      Estimate e1 = before.get(codes(b.domains().get(i)));
      if (e1 != null) {
        changes.add(change(b.domains().get(i), e1, b.estimates().get(i), anonymous, locale));
      }
    }
    return new Comparison(
        survey.doc().code(),
        request.item(),
        request.kind(),
        request.value(),
        from,
        to,
        request.by(),
        request.filter(),
        b.weight().variable(),
        b.weight().note(locale),
        WaveDifference.LEVEL,
        List.copyOf(changes));
  }

  private Change change(
      List<EstimateTable.DomainCode> domain,
      Estimate e1,
      Estimate e2,
      boolean anonymous,
      Locale locale) {
    boolean suppressed =
        e1.isEmpty()
            || e2.isEmpty()
            || !publication.publishable(publication.reliability(e1))
            || !publication.publishable(publication.reliability(e2));
    if (anonymous && suppressed) {
      return new Change(
          domain,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          publication.mark(locale),
          true);
    }
    WaveDifference d = WaveDifference.of(e1, e2);
    return new Change(
        domain,
        EstimateDisclosure.finite(e1.estimate()),
        EstimateDisclosure.finite(e2.estimate()),
        EstimateDisclosure.finite(d.difference()),
        EstimateDisclosure.finite(d.ciLower()),
        EstimateDisclosure.finite(d.ciUpper()),
        EstimateDisclosure.finite(d.se()),
        EstimateDisclosure.finite(d.statistic()),
        d.df(),
        EstimateDisclosure.finite(d.pValue()),
        d.noTest() == null ? d.significant() : null,
        d.noTest() == null ? null : d.noTest().name(),
        d.noTest() == null
            ? null
            : Messages.format(locale, "survey.noInterval." + d.noTest().name()),
        suppressed);
  }

  private static List<String> codes(List<EstimateTable.DomainCode> domain) {
    return domain.stream().map(EstimateTable.DomainCode::code).toList();
  }
}
