package org.atalaya.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import org.atalaya.indicator.Sex;
import org.atalaya.plan.PlanService;

/** Progress against targets. Unpublished figures: signed-in staff and committee only. */
@Controller("/api/progress")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Avance")
class ProgressController {
  private final ProgressService progress;
  private final GapService gaps;
  private final PlanService plans;
  private final Clock clock;

  ProgressController(ProgressService progress, GapService gaps, PlanService plans, Clock clock) {
    this.clock = clock;
    this.progress = progress;
    this.gaps = gaps;
    this.plans = plans;
  }

  /** Women against men, corregimientos against the district, concentration of counts. */
  @Get("/indicators/{code}/gaps")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  GapService.GapsView gaps(
      String code,
      @Nullable @QueryValue LocalDate asOf,
      @QueryValue(defaultValue = "_T") Sex sex,
      @Nullable @QueryValue String territory)
      throws SQLException {
    return gaps.gaps(code, asOf(asOf), sex, territory);
  }

  @Get("/indicators/{code}")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  ProgressService.IndicatorProgress indicator(
      String code,
      @Nullable @QueryValue LocalDate asOf,
      @QueryValue(defaultValue = "_T") Sex sex,
      @Nullable @QueryValue String territory)
      throws SQLException {
    return progress.indicator(code, asOf(asOf), sex, territory, ProgressService.Reading.API);
  }

  @Get("/plans/{plan}")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  ProgressService.LevelProgress plan(
      String plan,
      @Nullable @QueryValue LocalDate asOf,
      @QueryValue(defaultValue = "_T") Sex sex,
      @Nullable @QueryValue String territory)
      throws SQLException {
    plans.requireReadable(plan);
    return progress.plan(plan, asOf(asOf), sex, territory, ProgressService.Reading.API);
  }

  @Get("/plans/{plan}/axes/{axis}")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  ProgressService.LevelProgress axis(
      String plan,
      String axis,
      @Nullable @QueryValue LocalDate asOf,
      @QueryValue(defaultValue = "_T") Sex sex,
      @Nullable @QueryValue String territory)
      throws SQLException {
    plans.requireReadable(plan);
    return progress.axis(plan, axis, asOf(asOf), sex, territory, ProgressService.Reading.API);
  }

  @Get("/plans/{plan}/actions/{action}")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  ProgressService.LevelProgress action(
      String plan,
      String action,
      @Nullable @QueryValue LocalDate asOf,
      @QueryValue(defaultValue = "_T") Sex sex,
      @Nullable @QueryValue String territory)
      throws SQLException {
    plans.requireReadable(plan);
    return progress.card(plan, action, asOf(asOf), sex, territory, ProgressService.Reading.API);
  }

  private LocalDate asOf(LocalDate given) {
    return given == null ? LocalDate.now(clock) : given;
  }
}
