package org.atalaya.web.plan;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import org.atalaya.plan.PlanService;
import org.atalaya.web.Page;
import org.atalaya.web.Pages;

/** The home page: the plans the visitor may read (published ones for the public). */
@Controller
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class HomeController {
  private final PlanService plans;
  private final Pages pages;

  HomeController(PlanService plans, Pages pages) {
    this.plans = plans;
    this.pages = pages;
  }

  public record Home(List<PlanService.PlanSummary> plans) {}

  @Get
  @Secured(SecurityRule.IS_ANONYMOUS)
  ModelAndView<Page<Home>> home(HttpRequest<?> request) {
    boolean staff = Pages.currentUser(request) != null;
    return pages.view("home", request, new Home(plans.list(staff)));
  }
}
