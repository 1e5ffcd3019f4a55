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
import io.micronaut.http.annotation.Status;
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
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;

/** Indicator definitions and targets: staff only until published in a report. */
@Controller("/api/indicators")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Indicadores y metas")
class IndicatorController {
  private final IndicatorService indicators;
  private final TargetService targets;

  IndicatorController(IndicatorService indicators, TargetService targets) {
    this.indicators = indicators;
    this.targets = targets;
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

  @Post
  @Status(HttpStatus.CREATED)
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  IndicatorDoc create(@Body @Valid IndicatorDoc doc) {
    return indicators.save(null, doc);
  }

  @Put("/{code}")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  IndicatorDoc update(String code, @Body @Valid IndicatorDoc doc) {
    return indicators.save(code, doc);
  }

  @Delete("/{code}")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<Void> delete(String code) {
    indicators.delete(code);
    return HttpResponse.noContent();
  }

  @Get("/{code}/targets")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  List<TargetDoc> targets(String code) {
    return targets.targets(code);
  }

  /** Replaces every target of the indicator. */
  @Put("/{code}/targets")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  List<TargetDoc> saveTargets(String code, @Body List<@NotNull @Valid TargetDoc> targets) {
    return this.targets.saveTargets(code, targets);
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
