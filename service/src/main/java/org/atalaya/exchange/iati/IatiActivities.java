package org.atalaya.exchange.iati;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.atalaya.indicator.Frequency;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.indicator.IndicatorDoc.TargetDoc;
import org.atalaya.indicator.IndicatorKind;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.indicator.Sex;
import org.atalaya.indicator.TargetService;
import org.atalaya.plan.PlanDocument;
import org.atalaya.plan.PlanDocument.ProjectDoc;
import org.atalaya.plan.PlanService;
import org.atalaya.publication.Audience;
import org.atalaya.publication.Figure;
import org.atalaya.publication.Publication;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.Messages;
import org.w3c.dom.Element;

/**
 * A plan's priority projects as IATI 2.03 activities for donors: each project with its dates, lead
 * institution and, as one outcome, the tracked indicators linked to it ({@link IatiLinks}) — their
 * baselines, targets and actual values per period, for the total and for women and men where the
 * indicator is broken down by sex. Actual values come from the publication layer as the audience
 * may read them: a withheld figure is an {@code actual} without a value and with the reason, never
 * a number; a provisional one says so. Export only.
 */
@Singleton
public class IatiActivities {
  static final String VERSION = "2.03";

  /** The narratives' language, as {@code xml:lang} says. */
  static final Locale SPANISH = Locale.forLanguageTag("es-PA");

  /** The demo's publisher identifier when none is configured: plainly not a registered one. */
  static final String DEMO_ORGANISATION = "XX-ATALAYA-DEMO";

  /**
   * An xsd:dateTime to the second in UTC, seconds always written: {@code OffsetDateTime.toString}
   * drops ":00" on the minute, which the schema refuses.
   */
  static String dateTime(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private final PlanService plans;
  private final IndicatorService indicators;
  private final TargetService targets;
  private final Publication publication;
  private final IatiLinks links;
  private final String organisationRef;
  private final String organisationName;

  IatiActivities(
      PlanService plans,
      IndicatorService indicators,
      TargetService targets,
      Publication publication,
      IatiLinks links,
      @Value("${atalaya.iati.organisation-ref:}") String organisationRef,
      @Value("${atalaya.iati.organisation-name:}") String organisationName,
      @Value("${atalaya.demo:false}") boolean demo) {
    this.plans = plans;
    this.indicators = indicators;
    this.targets = targets;
    this.publication = publication;
    this.links = links;
    this.organisationRef =
        organisationRef.isBlank() && demo ? DEMO_ORGANISATION : organisationRef.strip();
    this.organisationName = organisationName.strip();
  }

  /** The plan's activities as an {@code iati-activities} document; 404 for a plan not readable. */
  public byte[] write(String plan, LocalDate asOf, Audience audience) throws SQLException {
    PlanDocument doc = plans.document(plan, audience == Audience.STAFF);
    if (organisationRef.isEmpty()) {
      throw new ApiException(HttpStatus.CONFLICT, "problem.iatiNoOrganisation", List.of());
    }
    Map<String, List<String>> linked = links.byProject(plan);
    IatiXml xml = new IatiXml();
    String now = dateTime(Instant.now());
    Element root = xml.root("iati-activities");
    root.setAttribute("version", VERSION);
    root.setAttribute("generated-datetime", now);
    for (ProjectDoc p : doc.projects()) {
      activity(xml, root, doc, p, linked.getOrDefault(p.code(), List.of()), asOf, audience, now);
    }
    return xml.bytes();
  }

  private void activity(
      IatiXml xml,
      Element root,
      PlanDocument doc,
      ProjectDoc p,
      List<String> codes,
      LocalDate asOf,
      Audience audience,
      String now)
      throws SQLException {
    Element a =
        xml.add(
            root,
            "iati-activity",
            "last-updated-datetime",
            now,
            "xml:lang",
            "es",
            "default-currency",
            p.budget() == null ? null : p.budget().currency());
    xml.add(a, "iati-identifier").setTextContent(identifier(doc, p));
    Element reporting = xml.add(a, "reporting-org", "ref", organisationRef, "type", "11");
    xml.narrative(reporting, organisationName.isEmpty() ? municipality(doc) : organisationName);
    xml.narrated(a, "title", p.name());
    xml.narrated(a, "description", p.problem(), "type", "1");
    xml.narrated(a, "description", p.generalObjective(), "type", "2");
    xml.narrated(a, "description", p.beneficiaries(), "type", "3");
    participating(xml, a, doc, p);
    LocalDate start = p.start() == null ? doc.plan().periodStart() : p.start();
    LocalDate end = p.end() == null ? doc.plan().periodEnd() : p.end();
    xml.add(a, "activity-status", "code", status(start, end, asOf));
    xml.add(a, "activity-date", "type", "1", "iso-date", start.toString());
    xml.add(a, "activity-date", "type", "3", "iso-date", end.toString());
    List<IndicatorDoc> docs = new ArrayList<>();
    for (String code : codes) {
      indicator(doc.plan().code(), code).ifPresent(docs::add);
    }
    if (docs.isEmpty()) {
      return;
    }
    Element result = xml.add(a, "result", "type", "2", "aggregation-status", "false");
    xml.narrated(result, "title", p.generalObjective());
    for (IndicatorDoc i : docs) {
      indicator(xml, result, doc.plan().territory(), i, asOf, audience);
    }
  }

  /** Without a configured name: the plan's municipal institution, else the plan itself. */
  private static String municipality(PlanDocument doc) {
    return doc.institutions().stream()
        .filter(i -> i.kind() == org.atalaya.institution.InstitutionKind.MUNICIPAL)
        .map(PlanDocument.InstitutionDoc::name)
        .findFirst()
        .orElse(doc.plan().name());
  }

  private Optional<IndicatorDoc> indicator(String plan, String code) {
    return indicators.list(plan).stream().filter(i -> i.code().equals(code)).findFirst();
  }

  private String identifier(PlanDocument doc, ProjectDoc p) {
    return organisationRef + "-" + doc.plan().code() + "-" + p.code();
  }

  private static void participating(IatiXml xml, Element a, PlanDocument doc, ProjectDoc p) {
    var lead =
        doc.institutions().stream().filter(i -> i.code().equals(p.leadInstitution())).findFirst();
    if (lead.isEmpty()) {
      xml.narrated(a, "participating-org", doc.plan().name(), "role", "2");
      return;
    }
    String name =
        lead.get().acronym() == null
            ? lead.get().name()
            : lead.get().name() + " (" + lead.get().acronym() + ")";
    xml.narrated(
        a, "participating-org", name, "role", "4", "type", organisationType(lead.get().kind()));
  }

  /** IATI's OrganisationType code list. */
  static String organisationType(org.atalaya.institution.InstitutionKind kind) {
    return switch (kind) {
      case NATIONAL -> "10";
      case MUNICIPAL -> "11";
      case CIVIL_SOCIETY -> "22";
      case INTERNATIONAL -> "40";
      case PRIVATE -> "70";
      case ACADEMIC -> "80";
    };
  }

  /** IATI's ActivityStatus code list: pipeline, implementation, finalisation. */
  static String status(LocalDate start, LocalDate end, LocalDate asOf) {
    if (asOf.isBefore(start)) {
      return "1";
    }
    return asOf.isAfter(end) ? "3" : "2";
  }

  private void indicator(
      IatiXml xml,
      Element result,
      String district,
      IndicatorDoc i,
      LocalDate asOf,
      Audience audience)
      throws SQLException {
    Element e = xml.add(result, "indicator", "measure", measure(i), "ascending", ascending(i));
    xml.narrated(e, "title", i.name());
    String unit = Messages.format(SPANISH, "iati.unit", i.unit());
    String description = i.description() == null ? unit : i.description().strip() + " " + unit;
    xml.narrated(e, "description", description);
    xml.add(e, "reference", "vocabulary", "99", "code", i.code());
    List<Sex> sexes = i.disaggregations().sex() ? List.of(Sex._T, Sex.F, Sex.M) : List.of(Sex._T);
    List<TargetDoc> cells =
        targets.targets(i.code()).stream()
            .filter(t -> t.territory().equals(district) && sexes.contains(t.sex()))
            .toList();
    for (Sex sex : sexes) {
      for (TargetDoc t : cells) {
        if (t.sex() == sex) {
          Element b =
              xml.add(
                  e,
                  "baseline",
                  "iso-date",
                  t.baseline().period().toString(),
                  "year",
                  String.valueOf(t.baseline().period().getYear()),
                  "value",
                  IatiXml.number(t.baseline().value()));
          dimension(xml, b, sex);
        }
      }
    }
    TreeMap<LocalDate, Period> periods = new TreeMap<>();
    Frequency f = i.frequency();
    for (TargetDoc t : cells) {
      List<IndicatorDoc.Point> due = new ArrayList<>(t.milestones());
      due.add(t.target());
      for (IndicatorDoc.Point point : due) {
        periods
            .computeIfAbsent(f.startOf(point.period()), k -> new Period())
            .targets
            .add(new Cell(t.sex(), IatiXml.number(point.value()), null));
      }
    }
    for (Sex sex : sexes) {
      for (Figure fig : publication.series(i.code(), sex, null, asOf, audience)) {
        Cell v =
            switch (fig.mark()) {
              case NO_DATA -> null;
              case WITHHELD -> new Cell(sex, null, Comment.WITHHELD);
              case PROVISIONAL -> new Cell(sex, IatiXml.number(fig.value()), Comment.PROVISIONAL);
              case SHOWN -> new Cell(sex, IatiXml.number(fig.value()), null);
            };
        if (v != null) {
          periods.computeIfAbsent(fig.start(), k -> new Period()).actuals.add(v);
        }
      }
    }
    periods.forEach(
        (start, period) -> {
          Element pe = xml.add(e, "period");
          xml.add(pe, "period-start", "iso-date", start.toString());
          xml.add(pe, "period-end", "iso-date", f.next(start).minusDays(1).toString());
          for (Cell v : period.targets) {
            value(xml, pe, "target", v);
          }
          for (Cell v : period.actuals) {
            value(xml, pe, "actual", v);
          }
        });
  }

  private static void value(IatiXml xml, Element period, String name, Cell v) {
    Element e = xml.add(period, name, "value", v.value());
    dimension(xml, e, v.sex());
    if (v.comment() != null) {
      xml.narrated(e, "comment", Messages.format(SPANISH, v.comment().key));
    }
  }

  private static void dimension(IatiXml xml, Element e, Sex sex) {
    if (sex != Sex._T) {
      xml.add(e, "dimension", "name", "sex", "value", sex == Sex.F ? "female" : "male");
    }
  }

  /** IATI's IndicatorMeasure code list: unit, or percentage for a share in per cent. */
  static String measure(IndicatorDoc i) {
    return i.kind() == IndicatorKind.PROPORTION && i.unit().contains("%") ? "2" : "1";
  }

  static String ascending(IndicatorDoc i) {
    return switch (i.direction()) {
      case INCREASE -> "true";
      case DECREASE -> "false";
      case MAINTAIN -> null;
    };
  }

  private enum Comment {
    WITHHELD("iati.withheld"),
    PROVISIONAL("iati.provisional");

    final String key;

    Comment(String key) {
      this.key = key;
    }
  }

  private record Cell(Sex sex, String value, Comment comment) {}

  private static final class Period {
    final List<Cell> targets = new ArrayList<>();
    final List<Cell> actuals = new ArrayList<>();
  }
}
