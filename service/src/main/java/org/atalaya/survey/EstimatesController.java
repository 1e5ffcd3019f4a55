package org.atalaya.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atalaya.security.Role;
import org.atalaya.shared.Messages;

/**
 * Estimates of a wave, as JSON or CSV ({@code format=csv}). Anyone may read those of a published
 * wave, with cells below the publication threshold suppressed; staff read every wave, every figure.
 */
@Controller("/api/surveys/{code}/waves/{wave}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Encuestas")
class EstimatesController {
  private final EstimatesService estimates;
  private final SurveyService surveys;
  private final AggregateStore aggregates;
  private final Messages messages;

  EstimatesController(
      EstimatesService estimates,
      SurveyService surveys,
      AggregateStore aggregates,
      Messages messages) {
    this.estimates = estimates;
    this.surveys = surveys;
    this.aggregates = aggregates;
    this.messages = messages;
  }

  @Get("/estimates")
  @Secured(SecurityRule.IS_ANONYMOUS)
  HttpResponse<?> estimates(
      HttpRequest<?> request,
      @Nullable Authentication auth,
      String code,
      String wave,
      @QueryValue String item,
      @Nullable @QueryValue String kind,
      @Nullable @QueryValue String value,
      @Nullable @QueryValue String by,
      @Nullable @QueryValue List<String> filter,
      @Nullable @QueryValue String weight,
      @Nullable @QueryValue String format)
      throws SQLException {
    Locale locale = messages.locale(request);
    var asked = EstimateRequest.parse(item, kind, value, by, filter, weight);
    boolean anonymous = !staff(auth);
    EstimateTable table = estimates.table(code, wave, asked, locale, anonymous);
    if ("csv".equalsIgnoreCase(format)) {
      String file = code + "-" + wave + "-" + item + ".csv";
      return HttpResponse.ok(EstimateCsv.write(table, locale))
          .contentType("text/csv; charset=UTF-8")
          .header("Content-Disposition", "attachment; filename=\"" + file + "\"");
    }
    return HttpResponse.ok(table);
  }

  /** Analysts, administrators and the committee see unpublished figures. */
  static boolean staff(@Nullable Authentication auth) {
    return auth != null
        && auth.getRoles().stream()
            .anyMatch(
                r -> List.of(Role.ADMIN_NAME, Role.ANALYST_NAME, Role.COMMITTEE_NAME).contains(r));
  }

  @Post("/aggregates")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  Map<String, Integer> aggregates(
      String code, String wave, @Body List<@NotNull @Valid AggregateInput> rows)
      throws SQLException {
    var survey = surveys.require(code);
    var w = surveys.wave(survey, wave);
    if (w.doc().loaded() != null) {
      throw org.atalaya.shared.ApiException.conflict("wave", "survey.hasMicrodata", wave);
    }
    aggregates.save(w.id(), wave, survey.doc(), rows);
    return Map.of("saved", rows.size());
  }
}
