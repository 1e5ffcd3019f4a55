package org.atalaya.web.plan;

import io.micronaut.core.annotation.Nullable;
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
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.atalaya.execution.Execution;
import org.atalaya.execution.PartKind;
import org.atalaya.plan.PlanDocument;
import org.atalaya.plan.PlanDocument.ProjectDoc;
import org.atalaya.plan.PlanService;
import org.atalaya.shared.ApiException;
import org.atalaya.web.NumberText;
import org.atalaya.web.Page;
import org.atalaya.web.Pages;
import org.atalaya.web.execution.ExecutionView;

/** A priority project laid out as the guide's step 5 lists its elements, with its execution. */
@Controller("/planes/{plan}/proyectos/{project}")
@Hidden
@ExecuteOn(TaskExecutors.BLOCKING)
class ProjectPages {
  private final PlanService plans;
  private final Execution execution;
  private final Pages pages;

  ProjectPages(PlanService plans, Execution execution, Pages pages) {
    this.plans = plans;
    this.execution = execution;
    this.pages = pages;
  }

  public record ProjectView(
      String plan,
      String planName,
      @Nullable String axis,
      @Nullable String axisName,
      ProjectDoc project,
      String period,
      @Nullable String lead,
      @Nullable String budget,
      List<ScheduleRow> schedule,
      ExecutionView execution) {}

  public record ScheduleRow(String activity, String span) {}

  @Get
  @Produces(MediaType.TEXT_HTML)
  @Secured(SecurityRule.IS_ANONYMOUS)
  ModelAndView<Page<ProjectView>> project(HttpRequest<?> request, String plan, String project)
      throws SQLException {
    boolean staff = Pages.currentUser(request) != null;
    PlanDocument doc = plans.document(plan, staff);
    ProjectDoc p =
        doc.projects().stream()
            .filter(x -> x.code().equals(project))
            .findFirst()
            .orElseThrow(() -> ApiException.notFound("project", project));
    Locale locale = pages.locale(request);
    var axis = doc.axes().stream().filter(a -> a.code().equals(p.axis())).findFirst();
    String lead = PlanViews.institution(doc, p.leadInstitution());
    String budget =
        p.budget() == null
            ? null
            : NumberText.number(p.budget().amount().doubleValue(), 2, locale)
                + " "
                + p.budget().currency();
    List<ScheduleRow> schedule =
        p.schedule().stream()
            .map(
                s ->
                    new ScheduleRow(
                        s.activity(),
                        NumberText.date(s.start(), locale)
                            + " – "
                            + NumberText.date(s.end(), locale)))
            .toList();
    var part = execution.part(plan, PartKind.PROJECT, project, staff, null);
    String base = "/planes/" + plan + "/proyectos/" + project;
    return pages.view(
        "project",
        request,
        new ProjectView(
            doc.plan().code(),
            doc.plan().name(),
            axis.map(PlanDocument.AxisDoc::code).orElse(null),
            axis.map(PlanDocument.AxisDoc::name).orElse(null),
            p,
            NumberText.date(p.start(), locale) + " – " + NumberText.date(p.end(), locale),
            lead,
            budget,
            schedule,
            ExecutionView.of(part, base + "/ejecucion", locale)));
  }
}
