package org.atalaya.demo;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.atalaya.exchange.iati.IatiLinks;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.indicator.TargetService;
import org.atalaya.measurement.MeasurementImport;
import org.atalaya.plan.PlanDocument;
import org.atalaya.plan.PlanDocuments;
import org.atalaya.plan.PlanService;
import org.atalaya.survey.DemoSurvey;
import org.atalaya.territory.BoundaryService;
import org.atalaya.territory.PopulationEntry;
import org.atalaya.territory.Territory;
import org.atalaya.territory.TerritoryForm;
import org.atalaya.territory.TerritoryLevel;
import org.atalaya.territory.TerritoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the demonstration of La Chorrera (its corregimientos, illustrative populations and a plan)
 * when {@code atalaya.demo} is on. Idempotent: what is already there is left as it is.
 */
@Singleton
@Requires(property = "atalaya.demo", value = "true")
class DemoData implements ApplicationEventListener<StartupEvent> {
  static final String DISTRICT = "LCH";
  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

  private final TerritoryService territories;
  private final PlanService plans;
  private final IndicatorService indicators;
  private final TargetService targets;
  private final MeasurementImport measurements;
  private final DemoSurvey survey;
  private final DemoExecution execution;
  private final DemoRisk risk;
  private final BoundaryService boundaries;
  private final IatiLinks iati;

  DemoData(
      TerritoryService territories,
      PlanService plans,
      IndicatorService indicators,
      TargetService targets,
      MeasurementImport measurements,
      DemoSurvey survey,
      DemoExecution execution,
      DemoRisk risk,
      BoundaryService boundaries,
      IatiLinks iati) {
    this.iati = iati;
    this.execution = execution;
    this.risk = risk;
    this.boundaries = boundaries;
    this.territories = territories;
    this.plans = plans;
    this.indicators = indicators;
    this.targets = targets;
    this.measurements = measurements;
    this.survey = survey;
  }

  @Override
  public void onApplicationEvent(StartupEvent event) {
    load();
  }

  /**
   * The plan and its figures in one transaction, then the survey: publishing its waves feeds the
   * perception indicator through the measurement upload, which runs once per transaction.
   */
  void load() {
    loadPlan();
    try {
      survey.load();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Demo survey could not be loaded", e);
    }
  }

  @Transactional
  void loadPlan() {
    try {
      if (territories.find(DISTRICT).isEmpty()) {
        try (Reader csv = resource("territories.csv")) {
          for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().get().parse(csv)) {
            String parent = r.get("parent");
            territories.create(
                new TerritoryForm(
                    r.get("code"),
                    r.get("name"),
                    TerritoryLevel.valueOf(r.get("level")),
                    parent.isBlank() ? null : parent));
          }
        }
        try (Reader csv = resource("population.csv")) {
          territories.importCensus("population.csv", csv, true);
        }
      }
      if (boundaries.childrenOf(DISTRICT).isEmpty()) {
        try (Reader csv = resource("corregimiento-points.csv")) {
          boundaries.storeIllustrative(csv, "Atalaya (demo)", "demo");
        }
      }
      PlanDocument doc;
      try (InputStream in = stream("la-chorrera-plan.yml")) {
        doc = PlanDocuments.read(in.readAllBytes(), PlanDocuments.Format.YAML);
      }
      if (plans.list(true).stream().noneMatch(p -> p.code().equals(doc.plan().code()))) {
        // Drafted, given its indicators, then published: a published plan's indicators change
        // only through an approved proposal.
        var h = doc.plan();
        var draft =
            new PlanDocument.Header(
                h.code(),
                h.name(),
                h.territory(),
                h.periodStart(),
                h.periodEnd(),
                org.atalaya.plan.PlanStatus.DRAFT,
                h.description());
        plans.importDocument(
            new PlanDocument(
                doc.format(), draft, doc.institutions(), doc.axes(), doc.projects(), null),
            false,
            true);
        if (indicators.list(null).stream().noneMatch(i -> i.code().equals("HOM-TASA"))) {
          loadIndicators();
        }
        plans.importDocument(doc, true, true);
        LOG.info("Demo data loaded: La Chorrera and the plan {}", doc.plan().code());
      }
      if (iati.byProject(doc.plan().code()).isEmpty()) {
        loadIatiResults(doc.plan().code());
      }
      execution.load(doc, LocalDate.now(org.atalaya.shared.Dates.ZONE));
      risk.load();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Demo execution could not be loaded", e);
    }
  }

  /** Which tracked indicators each priority project reports to donors (IATI). */
  private void loadIatiResults(String plan) {
    iati.replace(plan, "PRY-01", List.of("CALLES-ILUMINADAS", "PARQUES-REHAB"));
    iati.replace(plan, "PRY-02", List.of("VD-DENUNCIAS", "SENSIBILIZADAS"));
    iati.replace(plan, "PRY-03", List.of("PERCEPCION-INSEG"));
  }

  private void loadIndicators() throws IOException {
    var yaml = new YAMLMapper();
    yaml.registerModule(new JavaTimeModule());
    List<DemoIndicator> demo;
    try (InputStream in = stream("indicators.yml")) {
      demo = yaml.readValue(in, new TypeReference<List<DemoIndicator>>() {});
    }
    for (DemoIndicator d : demo) {
      indicators.save(null, d.indicator());
      targets.saveTargets(d.indicator().code(), d.targets());
    }
    Map<String, Map<Integer, Map<String, Long>>> population = new HashMap<>();
    for (Territory t : territories.all()) {
      for (PopulationEntry p : territories.population(t)) {
        population
            .computeIfAbsent(t.code(), k -> new HashMap<>())
            .computeIfAbsent(p.year(), k -> new HashMap<>())
            .put(p.sex(), p.population());
      }
    }
    LocalDate lastMonth =
        LocalDate.now(org.atalaya.shared.Dates.ZONE).minusMonths(1).withDayOfMonth(1);
    String csv = new DemoMeasurements().build(population, lastMonth);
    long rows = measurements.loadCsv("demo-mediciones.csv", csv, "demo");
    LOG.info("Demo data loaded: {} indicators, {} illustrative measurements", demo.size(), rows);
  }

  record DemoIndicator(IndicatorDoc indicator, List<IndicatorDoc.TargetDoc> targets) {}

  private static InputStream stream(String name) {
    InputStream in = DemoData.class.getResourceAsStream("/demo/" + name);
    if (in == null) {
      throw new IllegalStateException("Missing demo resource " + name);
    }
    return in;
  }

  private static Reader resource(String name) {
    return new InputStreamReader(stream(name), StandardCharsets.UTF_8);
  }
}
