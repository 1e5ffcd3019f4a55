package org.atalaya.risk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.atalaya.security.Role;

/**
 * The risk map as data: counts by corregimiento and kind for anyone, the generalised points for
 * analysts, and the import of a file of reports (with a dry run that stores nothing).
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Mapa de riesgo")
class RiskController {
  private final RiskMap risk;

  RiskController(RiskMap risk) {
    this.risk = risk;
  }

  @Get("/api/public/risk/counts")
  @Secured(SecurityRule.IS_ANONYMOUS)
  RiskMap.Aggregate counts(
      @Nullable @QueryValue String district,
      @Nullable @QueryValue LocalDate from,
      @Nullable @QueryValue LocalDate to)
      throws SQLException {
    return risk.counts(district, from, to);
  }

  /** Counts on the public grid of cells of about 500 m: cells with reports, small ones withheld. */
  @Get("/api/public/risk/grid")
  @Secured(SecurityRule.IS_ANONYMOUS)
  RiskMap.Grid grid(
      @Nullable @QueryValue String district,
      @Nullable @QueryValue LocalDate from,
      @Nullable @QueryValue LocalDate to)
      throws SQLException {
    return risk.grid(district, from, to);
  }

  @Get("/api/risk/places")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  List<UnsafePlace> places(@Nullable @QueryValue LocalDate from, @Nullable @QueryValue LocalDate to)
      throws SQLException {
    return risk.places(from, to);
  }

  /** A CSV of reports in the body; {@code file} names it in error messages. */
  @Post(
      value = "/api/risk/places/import",
      consumes = {"text/csv", MediaType.TEXT_PLAIN})
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  RiskMap.ImportResult importCsv(
      @Body String csv,
      @QueryValue(defaultValue = "lugares.csv") String file,
      @QueryValue(defaultValue = "false") boolean dryRun)
      throws IOException, SQLException {
    return dryRun
        ? risk.check(file, new StringReader(csv))
        : risk.load(file, new StringReader(csv), false);
  }
}
