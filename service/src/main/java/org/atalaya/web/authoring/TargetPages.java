package org.atalaya.web.authoring;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atalaya.indicator.IndicatorChanges;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.indicator.IndicatorDoc.TargetDoc;
import org.atalaya.indicator.Sex;
import org.atalaya.plan.PlanAuthoring;
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;
import org.atalaya.territory.Territory;
import org.atalaya.territory.TerritoryLevel;
import org.atalaya.territory.TerritoryService;
import org.atalaya.web.Pages;
import org.atalaya.web.authoring.CardPage.ChangeRow;
import org.atalaya.web.authoring.CardPage.Choice;

/**
 * An indicator's targets written in the browser: baseline, milestones and final value for the total
 * and, where the indicator is broken down, per sex and corregimiento. The API's own checks judge
 * them; targets someone else saved meanwhile are shown, not overwritten.
 */
@Controller("/indicadores/{code}/metas")
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
class TargetPages {
  private static final Pattern ROW = Pattern.compile("^\\[(\\d+)\\]\\.?(.*)$");
  private static final int SPARE = 3;

  private final Pages pages;
  private final IndicatorChanges indicators;
  private final TerritoryService territories;
  private final FormErrors errors;
  private final PlanAuthoring authoring;

  TargetPages(
      PlanAuthoring authoring,
      Pages pages,
      IndicatorChanges indicators,
      TerritoryService territories,
      FormErrors errors) {
    this.pages = pages;
    this.indicators = indicators;
    this.territories = territories;
    this.errors = errors;
    this.authoring = authoring;
  }

  @Get
  HttpResponse<String> edit(HttpRequest<?> request, String code) {
    var working = indicators.require(code);
    IndicatorDoc doc = working.indicator();
    List<TargetDoc> current = working.targets();
    var rows = TargetRows.of(current, doc.frequency(), district(doc), SPARE, lock(current));
    return page(request, HttpStatus.OK, doc, rows, Map.of(), List.of(), List.of());
  }

  @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
  HttpResponse<?> save(HttpRequest<?> request, String code, @Body Map<String, String> form) {
    IndicatorDoc doc = indicators.require(code).indicator();
    TargetRows rows = TargetRows.read(form);
    TargetRows.Parsed parsed = rows.parse(doc.frequency());
    Map<String, String> byField = new LinkedHashMap<>();
    parsed.unreadable().forEach((f, key) -> byField.put(f, pages.text(request, key)));
    try {
      List<TargetDoc> current = indicators.require(code).targets();
      if (rows.base() != null && !lock(current).equals(rows.base())) {
        throw ApiException.conflict("base", "targetsEditedMeanwhile", code);
      }
      if (!byField.isEmpty()) {
        throw new ConstraintViolationException(java.util.Set.of());
      }
      var outcome = indicators.saveTargets(code, parsed.docs());
      if (outcome.proposed() != null) {
        return IndicatorFormPages.proposed(outcome.proposed());
      }
      return HttpResponse.seeOther(
          UriBuilder.of("/indicadores/" + code).queryParam("guardado", "metas").build());
    } catch (ApiException | ConstraintViolationException e) {
      var sorted =
          errors.sort(
              request,
              e,
              path -> {
                Matcher m = ROW.matcher(path);
                if (!m.matches()) {
                  return null;
                }
                int row = parsed.rowOf().get(Integer.parseInt(m.group(1)));
                String field = FormErrors.formField(m.group(2));
                return TargetRows.FIELDS.contains(field) ? row + "." + field : null;
              });
      sorted.byField().forEach((f, msg) -> byField.merge(f, msg, (a, b) -> a + "; " + b));
      List<ChangeRow> theirs = List.of();
      TargetRows again = rows;
      if (e instanceof ApiException a
          && a.fieldErrors().stream().anyMatch(f -> f.code().equals("targetsEditedMeanwhile"))) {
        List<TargetDoc> current = indicators.require(code).targets();
        theirs =
            FieldNames.rows(
                PlanAuthoring.changedSince(rows.base(), new TargetSet(current)),
                pages.locale(request));
        again = new TargetRows(rows.rows(), lock(current));
      }
      HttpStatus status =
          e instanceof ApiException a ? a.status() : HttpStatus.UNPROCESSABLE_ENTITY;
      return page(request, status, doc, again, byField, sorted.general(), theirs);
    }
  }

  private static String lock(List<TargetDoc> current) {
    return PlanAuthoring.lock(new TargetSet(current));
  }

  /** The plan's district, where the indicator follows a card; else the first district. */
  private String district(IndicatorDoc doc) {
    if (doc.actionCard() != null) {
      return authoring.working(doc.actionCard().plan()).plan().territory();
    }
    return territories.all().stream()
        .filter(t -> t.level() == TerritoryLevel.DISTRICT)
        .map(Territory::code)
        .findFirst()
        .orElse("");
  }

  private HttpResponse<String> page(
      HttpRequest<?> request,
      HttpStatus status,
      IndicatorDoc doc,
      TargetRows rows,
      Map<String, String> fieldErrors,
      List<String> general,
      List<ChangeRow> theirs) {
    var locale = pages.locale(request);
    List<Choice> sexes = new ArrayList<>();
    for (Sex s : doc.disaggregations().sex() ? List.of(Sex._T, Sex.F, Sex.M) : List.of(Sex._T)) {
      sexes.add(new Choice(s.name(), pages.text(request, "web.entry.sex." + s.name())));
    }
    List<Choice> places =
        territories.all().stream()
            .filter(
                t ->
                    t.level() == TerritoryLevel.DISTRICT
                        || (doc.disaggregations().territory()
                            && t.level() == TerritoryLevel.CORREGIMIENTO))
            .map(t -> new Choice(t.code(), t.name() + " (" + t.code() + ")"))
            .toList();
    var body =
        new TargetPage(
            doc.code(),
            doc.name(),
            pages.text(request, "report.frequency." + doc.frequency().name()),
            pages.text(request, "targetForm.example." + doc.frequency().name()),
            sexes,
            places,
            rows,
            fieldErrors,
            general,
            theirs,
            IndicatorFormPages.pending(indicators, doc.code()));
    return pages.render(status, "authoring/targets", request, body);
  }
}
