package org.atalaya.web.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
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
import io.micronaut.web.router.Router;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.inject.Provider;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atalaya.plan.PlanService;
import org.atalaya.publication.Audience;
import org.atalaya.web.Page;
import org.atalaya.web.Pages;
import org.atalaya.web.dashboard.PageKind;

/**
 * The home page: the plans the visitor may read (published ones for the public), each with its
 * status counts, one bar per axis and its headline indicators as of today, and the ways to the
 * reports and the methodology.
 */
@Controller
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class HomeController {
  private final PlanService plans;
  private final Pages pages;
  private final HomeViews views;
  private final Provider<Router> router;
  private final Clock clock;

  HomeController(
      PlanService plans, Pages pages, HomeViews views, Provider<Router> router, Clock clock) {
    this.clock = clock;
    this.plans = plans;
    this.pages = pages;
    this.views = views;
    this.router = router;
  }

  static final String REPORTS = "/informes";

  /**
   * @param reports the public reports and open data page, when the service has one
   */
  public record Home(List<HomeViews.PlanCard> plans, @Nullable String reports) {}

  @Get
  @Secured(SecurityRule.IS_ANONYMOUS)
  ModelAndView<Page<Home>> home(HttpRequest<?> request) throws SQLException {
    boolean staff = Pages.currentUser(request) != null;
    Locale locale = pages.locale(request);
    LocalDate today = LocalDate.now(clock);
    List<HomeViews.PlanCard> cards = new ArrayList<>();
    for (PlanService.PlanSummary plan : plans.list(staff)) {
      cards.add(views.card(plan, today, Audience.of(staff), locale));
    }
    return pages.view(PageKind.INICIO, request, new Home(cards, reportsPage() ? REPORTS : null));
  }

  /** The reports page is its own feature: linked once it is there, never a link to a 404. */
  private boolean reportsPage() {
    return router.get().route(HttpMethod.GET, REPORTS).isPresent();
  }
}
