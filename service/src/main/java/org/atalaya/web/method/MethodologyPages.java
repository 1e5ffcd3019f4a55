package org.atalaya.web.method;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.plan.PlanService;
import org.atalaya.progress.Thresholds;
import org.atalaya.publication.Publication;
import org.atalaya.shared.Messages;
import org.atalaya.survey.ReliabilitySettings;
import org.atalaya.survey.estimate.ReliabilityCriteria;
import org.atalaya.web.Layout;
import org.atalaya.web.NumberText;
import org.atalaya.web.Page;
import org.atalaya.web.Pages;
import org.atalaya.web.RulesInForce;

/**
 * The methodology and glossary: every rule a reader meets on the site (statuses, achievement,
 * roll-up, suppression, provisional figures, survey reliability, derived targets, sources), in
 * words, with the numbers read from the settings the code applies — never typed into the text.
 */
@Controller("/metodologia")
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class MethodologyPages {
  private static final int GLOSSARY_TERMS = 10;

  private final Pages pages;
  private final Publication publication;
  private final ReliabilitySettings reliability;
  private final RulesInForce rules;
  private final PlanService plans;
  private final IndicatorService indicators;

  MethodologyPages(
      Pages pages,
      Publication publication,
      ReliabilitySettings reliability,
      RulesInForce rules,
      PlanService plans,
      IndicatorService indicators) {
    this.pages = pages;
    this.publication = publication;
    this.reliability = reliability;
    this.rules = rules;
    this.plans = plans;
    this.indicators = indicators;
  }

  /**
   * @param rules the status margins and small-count numbers, as the legend states them
   * @param maintainFactor how many tolerances off a "maintain" target is still at risk
   * @param survey the reliability thresholds in words
   */
  public record Methodology(
      Layout.Rules rules,
      String maintainFactor,
      String predictionLevel,
      int forecastPoints,
      boolean publicProvisional,
      Survey survey,
      List<SourceRow> sources,
      List<Term> glossary) {}

  public record Survey(
      String scheme,
      String cvReliable,
      String cvWeaklyReliable,
      long minN,
      int minDf,
      String lowestPublished) {}

  public record SourceRow(
      String code, String name, String frequency, String official, String others) {}

  public record Term(String term, String text) {}

  @Get
  @Secured(SecurityRule.IS_ANONYMOUS)
  ModelAndView<Page<Methodology>> show(HttpRequest<?> request) {
    Locale locale = pages.locale(request);
    Thresholds t = Thresholds.DEFAULTS;
    ReliabilityCriteria c = reliability.criteria();
    var survey =
        new Survey(
            c.scheme().name(),
            NumberText.percent(c.cvReliable(), locale),
            NumberText.percent(c.cvWeaklyReliable(), locale),
            c.minN(),
            c.minDf(),
            reliability.lowestPublished().name());
    List<Term> glossary = new ArrayList<>();
    for (int n = 1; n <= GLOSSARY_TERMS; n++) {
      glossary.add(
          new Term(
              Messages.format(locale, "report.glossary." + n + ".term"),
              Messages.format(locale, "report.glossary." + n + ".text")));
    }
    return pages.view(
        "methodology",
        request,
        new Methodology(
            rules.rules(),
            NumberText.number(t.maintainAtRiskFactor(), 0, locale),
            NumberText.percent(t.predictionLevel(), locale),
            t.minForecastPoints(),
            publication.showsProvisionalToPublic(),
            survey,
            sources(locale),
            glossary));
  }

  /** The indicators of the published plans with their official and other sources. */
  private List<SourceRow> sources(Locale locale) {
    Map<String, SourceRow> rows = new LinkedHashMap<>();
    for (var plan : plans.list(false)) {
      for (IndicatorDoc d : indicators.list(plan.code())) {
        String official =
            d.sources().stream()
                .filter(IndicatorDoc.SourceDoc::official)
                .map(IndicatorDoc.SourceDoc::name)
                .findFirst()
                .orElse("—");
        String others =
            d.sources().stream()
                .filter(s -> !s.official())
                .map(IndicatorDoc.SourceDoc::name)
                .collect(Collectors.joining("; "));
        rows.putIfAbsent(
            d.code(),
            new SourceRow(
                d.code(),
                d.name(),
                Messages.format(locale, "report.frequency." + d.frequency().name()),
                official,
                others.isEmpty() ? "—" : others));
      }
    }
    return List.copyOf(rows.values());
  }
}
