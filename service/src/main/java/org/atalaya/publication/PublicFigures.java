package org.atalaya.publication;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.indicator.Sex;
import org.atalaya.plan.PlanService;
import org.atalaya.progress.ProgressStatus;
import org.atalaya.shared.ApiException;

/**
 * An indicator cell's figures as anyone may read them: the same figures, marks and status as its
 * page, its charts and the report. Anonymous callers get the indicators of published plans, and
 * validated figures only; a signed-in caller gets everything, marked.
 */
@Controller("/api/public/indicators/{code}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Cifras publicadas")
class PublicFigures {
  private final Publication publication;
  private final IndicatorService indicators;
  private final PlanService plans;
  private final SmallAreas smallAreas;
  private final Clock clock;

  PublicFigures(
      Publication publication,
      IndicatorService indicators,
      PlanService plans,
      SmallAreas smallAreas,
      Clock clock) {
    this.clock = clock;
    this.smallAreas = smallAreas;
    this.publication = publication;
    this.indicators = indicators;
    this.plans = plans;
  }

  /**
   * @param status the cell's status, or null when it is withheld (no status is given for a value
   *     nobody may read)
   */
  @Serdeable
  record Answer(
      String indicator,
      String name,
      String unit,
      Sex sex,
      String territory,
      LocalDate asOf,
      String source,
      Mark mark,
      @Nullable Double latest,
      @Nullable String latestPeriod,
      @Nullable ProgressStatus status,
      @Nullable Double target,
      boolean derivedTarget,
      boolean smallNumbers,
      List<Figure> figures) {}

  @Get("/figures")
  @Secured(SecurityRule.IS_ANONYMOUS)
  Answer figures(
      String code,
      @Nullable Authentication user,
      @Nullable @QueryValue LocalDate asOf,
      @Nullable @QueryValue Sex sex,
      @Nullable @QueryValue String territory)
      throws SQLException {
    boolean staff = user != null;
    IndicatorDoc doc = visible(code, staff);
    Audience audience = Audience.of(staff);
    LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
    Sex s = sex == null ? Sex._T : sex;
    Publication.Cell cell = publication.cell(code, day, s, territory, audience);
    List<Figure> figures = publication.series(code, s, territory, day, audience);
    return new Answer(
        code,
        cell.name(),
        cell.unit(),
        s,
        cell.territory(),
        day,
        cell.source(),
        cell.mark(),
        cell.latestValue(),
        cell.period() == null ? null : doc.frequency().label(cell.period()),
        cell.mark() == Mark.WITHHELD ? null : cell.progress().status(),
        cell.progress().target() == null ? null : cell.progress().target().value(),
        cell.derivedTarget(),
        cell.smallNumbers(),
        figures);
  }

  /**
   * A rate by corregimiento for the district's latest period up to {@code asOf}: each place's crude
   * rate with its exact Poisson interval, small-numbers flag and Marshall's smoothed rate
   * (docs/publication.md); "not found" for an indicator that is not a rate by territory.
   */
  @Get("/small-areas")
  @Secured(SecurityRule.IS_ANONYMOUS)
  SmallAreas.Table smallAreas(
      String code,
      @Nullable Authentication user,
      @Nullable @QueryValue LocalDate asOf,
      @Nullable @QueryValue Sex sex)
      throws SQLException {
    boolean staff = user != null;
    visible(code, staff);
    SmallAreas.Table table =
        smallAreas.of(
            code,
            asOf == null ? LocalDate.now(clock) : asOf,
            sex == null ? Sex._T : sex,
            null,
            Audience.of(staff));
    if (table == null) {
      throw ApiException.notFound("small-areas", code);
    }
    return table;
  }

  /** The indicator, or "not found" to the public unless its plan is published. */
  private IndicatorDoc visible(String code, boolean staff) {
    IndicatorDoc doc = indicators.get(code);
    if (doc.actionCard() == null) {
      if (!staff) {
        throw ApiException.notFound("indicator", code);
      }
    } else {
      plans.document(doc.actionCard().plan(), staff);
    }
    return doc;
  }
}
