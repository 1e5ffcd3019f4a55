package org.atalaya.indicator;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.atalaya.indicator.IndicatorDoc.TargetDoc;
import org.atalaya.plan.PlanChanges;
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;

/** Indicator definitions and targets: staff only until published in a report. */
@Controller("/api/indicators")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Indicadores y metas")
class IndicatorController {
  private final IndicatorService indicators;
  private final TargetService targets;
  private final IndicatorChanges changes;

  IndicatorController(
      IndicatorService indicators, TargetService targets, IndicatorChanges changes) {
    this.indicators = indicators;
    this.targets = targets;
    this.changes = changes;
  }

  @Serdeable
  record ApplicableTarget(TargetDoc target, boolean inherited) {}

  @Get
  @Secured(SecurityRule.IS_AUTHENTICATED)
  List<IndicatorDoc> list(@Nullable @QueryValue String plan) {
    return indicators.list(plan);
  }

  @Get("/{code}")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  IndicatorDoc get(String code) {
    return indicators.get(code);
  }

  /** An indicator of a published plan is proposed (202 and the plan's proposal), not saved. */
  @Post
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<Object> create(@Body @Valid IndicatorDoc doc) {
    return PlanChanges.respond(changes.save(null, doc), HttpStatus.CREATED);
  }

  @Put("/{code}")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<Object> update(String code, @Body @Valid IndicatorDoc doc) {
    return PlanChanges.respond(changes.save(code, doc), HttpStatus.OK);
  }

  @Delete("/{code}")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<Object> delete(String code) {
    return PlanChanges.respond(changes.delete(code), HttpStatus.NO_CONTENT);
  }

  @Get("/{code}/targets")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  List<TargetDoc> targets(String code) {
    return targets.targets(code);
  }

  /** Replaces every target of the indicator. */
  @Put("/{code}/targets")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<Object> saveTargets(String code, @Body List<@NotNull @Valid TargetDoc> targets) {
    return PlanChanges.respond(changes.saveTargets(code, targets), HttpStatus.OK);
  }

  /** The target that applies to one cell, inherited from the total where the rules say so. */
  @Get("/{code}/targets/applicable")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  ApplicableTarget applicable(
      String code, @QueryValue(defaultValue = "_T") Sex sex, @QueryValue String territory) {
    return targets
        .applicableTarget(code, sex, territory)
        .map(a -> new ApplicableTarget(a.target(), a.inherited()))
        .orElseThrow(() -> ApiException.notFound("target", code + " " + sex + " " + territory));
  }
}
