package org.atalaya.measurement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.atalaya.indicator.Sex;

/** Series, revision history and upload templates. Unpublished figures: signed-in staff only. */
@Controller("/api/indicators/{code}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Mediciones")
class MeasurementReadController {
  private final MeasurementQueries queries;

  MeasurementReadController(MeasurementQueries queries) {
    this.queries = queries;
  }

  /**
   * The series of one cell (sex × territory, the district total by default) from one source (the
   * official one by default), between two dates.
   */
  @Get("/series")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  MeasurementQueries.SeriesView series(
      String code,
      @QueryValue(defaultValue = "_T") Sex sex,
      @Nullable @QueryValue String territory,
      @Nullable @QueryValue String source,
      @Nullable @QueryValue LocalDate from,
      @Nullable @QueryValue LocalDate to)
      throws SQLException {
    return queries.series(code, sex, territory, source, from, to);
  }

  /** Every value a cell has had: who recorded it, when, and the reason given for a change. */
  @Get("/history")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  List<MeasurementReads.Version> history(
      String code,
      @QueryValue String period,
      @QueryValue(defaultValue = "_T") Sex sex,
      @Nullable @QueryValue String territory,
      @QueryValue(defaultValue = "_T") String ageGroup,
      @Nullable @QueryValue String source) {
    return queries.history(code, period, sex, territory, ageGroup, source);
  }

  /** A CSV to fill in: the documented columns and example rows for this indicator. */
  @Get(value = "/template.csv", produces = "text/csv")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  HttpResponse<String> template(String code) {
    return HttpResponse.ok(queries.template(code))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + code + ".csv\"");
  }
}
