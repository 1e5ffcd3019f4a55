package org.atalaya.web.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.sql.SQLException;
import org.atalaya.plan.PlanDocument;
import org.atalaya.plan.PlanService;
import org.atalaya.progress.ProgressFacade;
import org.atalaya.shared.ApiException;
import org.atalaya.territory.TerritoryService;
import org.atalaya.web.Filters;
import org.atalaya.web.Page;
import org.atalaya.web.Pages;

/**
 * A plan at a glance, one of its axes, and one action card laid out as the guide's "ficha". The
 * public reads published plans; a draft is "not found" to them.
 */
@Controller("/planes/{plan}")
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class PlanPages {
  private final PlanService plans;
  private final ProgressFacade progress;
  private final TerritoryService territories;
  private final PlanViews views;
  private final Pages pages;

  PlanPages(
      PlanService plans,
      ProgressFacade progress,
      TerritoryService territories,
      PlanViews views,
      Pages pages) {
    this.plans = plans;
    this.progress = progress;
    this.territories = territories;
    this.views = views;
    this.pages = pages;
  }

  @Get
  @Secured(SecurityRule.IS_ANONYMOUS)
  ModelAndView<Page<PlanViews.PlanView>> overview(
      HttpRequest<?> request,
      String plan,
      @Nullable @QueryValue String corte,
      @Nullable @QueryValue String sexo,
      @Nullable @QueryValue String territorio)
      throws SQLException {
    Filters f = Filters.parse(corte, sexo, territorio, territories);
    PlanDocument doc = plans.document(plan, Pages.currentUser(request) != null);
    var level = progress.plan(plan, f.asOf(), f.sex(), f.territory());
    return pages.view("plan", request, views.plan(doc, level, f, pages.locale(request), null));
  }

  @Get("/ejes/{axis}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  ModelAndView<Page<PlanViews.PlanView>> axis(
      HttpRequest<?> request,
      String plan,
      String axis,
      @Nullable @QueryValue String corte,
      @Nullable @QueryValue String sexo,
      @Nullable @QueryValue String territorio)
      throws SQLException {
    Filters f = Filters.parse(corte, sexo, territorio, territories);
    PlanDocument doc = plans.document(plan, Pages.currentUser(request) != null);
    if (doc.axes().stream().noneMatch(a -> a.code().equals(axis))) {
      throw ApiException.notFound("axis", axis);
    }
    var level = progress.plan(plan, f.asOf(), f.sex(), f.territory());
    return pages.view("plan", request, views.plan(doc, level, f, pages.locale(request), axis));
  }

  @Get("/fichas/{card}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  ModelAndView<Page<PlanViews.CardView>> card(
      HttpRequest<?> request,
      String plan,
      String card,
      @Nullable @QueryValue String corte,
      @Nullable @QueryValue String sexo,
      @Nullable @QueryValue String territorio)
      throws SQLException {
    Filters f = Filters.parse(corte, sexo, territorio, territories);
    PlanDocument doc = plans.document(plan, Pages.currentUser(request) != null);
    var level = progress.plan(plan, f.asOf(), f.sex(), f.territory());
    return pages.view("card", request, views.card(doc, level, card, f, pages.locale(request)));
  }
}
