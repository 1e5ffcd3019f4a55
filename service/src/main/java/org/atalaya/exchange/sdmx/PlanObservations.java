package org.atalaya.exchange.sdmx;

import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.indicator.Sex;
import org.atalaya.plan.PlanDocument;
import org.atalaya.plan.PlanService;
import org.atalaya.publication.Audience;
import org.atalaya.publication.Figure;
import org.atalaya.publication.Publication;
import org.atalaya.survey.IndicatorCells;
import org.atalaya.territory.Territory;
import org.atalaya.territory.TerritoryService;

/**
 * A plan's open data as SDMX observations, read from the publication layer as its audience may read
 * it: the district total, women and men, and each corregimiento, period by period up to the
 * cut-off; then the published survey estimates with their 95 % intervals where no measured value
 * has the same key. A withheld figure becomes a withheld observation, never a number.
 */
@Singleton
public class PlanObservations {
  private final PlanService plans;
  private final IndicatorService indicators;
  private final TerritoryService territories;
  private final Publication publication;
  private final IndicatorCells surveyCells;

  PlanObservations(
      PlanService plans,
      IndicatorService indicators,
      TerritoryService territories,
      Publication publication,
      IndicatorCells surveyCells) {
    this.plans = plans;
    this.indicators = indicators;
    this.territories = territories;
    this.publication = publication;
    this.surveyCells = surveyCells;
  }

  /** The observations and the names of their codes. */
  public record Data(SdmxNames names, List<SdmxObservation> observations, String district) {}

  /** 404 for a plan this audience may not read (an unpublished one, for the public). */
  public Data read(String plan, LocalDate asOf, Audience audience) throws SQLException {
    return read(plan, indicators.list(plan), asOf, audience);
  }

  /** One indicator of a plan this audience may read; 404 otherwise. */
  public Data indicator(String code, LocalDate asOf, Audience audience) throws SQLException {
    IndicatorDoc doc = indicators.get(code);
    if (doc.actionCard() == null) {
      throw org.atalaya.shared.ApiException.notFound("indicator", code);
    }
    return read(doc.actionCard().plan(), List.of(doc), asOf, audience);
  }

  private Data read(String plan, List<IndicatorDoc> docs, LocalDate asOf, Audience audience)
      throws SQLException {
    PlanDocument.Header header = plans.document(plan, audience == Audience.STAFF).plan();
    Territory district = territories.require(header.territory());
    List<Territory> places =
        territories.all().stream()
            .filter(t -> district.id().equals(t.parentId()))
            .sorted(Comparator.comparing(Territory::code))
            .toList();
    Map<String, String> areas = new LinkedHashMap<>();
    areas.put(Dsd.refArea(district.code()), district.name());
    places.forEach(t -> areas.put(Dsd.refArea(t.code()), t.name()));
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, SdmxObservation> byKey = new LinkedHashMap<>();
    for (IndicatorDoc doc : docs) {
      names.put(doc.code(), doc.name());
      List<Sex> sexes =
          doc.disaggregations().sex() ? List.of(Sex._T, Sex.F, Sex.M) : List.of(Sex._T);
      for (Sex sex : sexes) {
        series(doc, sex, district.code(), null, asOf, audience, byKey);
      }
      if (doc.disaggregations().territory()) {
        for (Territory t : places) {
          series(doc, Sex._T, t.code(), t.code(), asOf, audience, byKey);
        }
      }
      survey(doc, district.code(), asOf, byKey);
    }
    return new Data(
        new SdmxNames(header.name(), names, areas),
        new ArrayList<>(byKey.values()),
        Dsd.refArea(district.code()));
  }

  private void series(
      IndicatorDoc doc,
      Sex sex,
      String area,
      String territory,
      LocalDate asOf,
      Audience audience,
      Map<String, SdmxObservation> byKey)
      throws SQLException {
    for (Figure f : publication.series(doc.code(), sex, territory, asOf, audience)) {
      String period = Dsd.timePeriod(doc.frequency(), f.start());
      String refArea = Dsd.refArea(area);
      SdmxObservation o =
          switch (f.mark()) {
            case NO_DATA -> null;
            case WITHHELD ->
                SdmxObservation.withheld(doc.code(), refArea, sex.name(), period, doc.unit());
            case SHOWN, PROVISIONAL ->
                SdmxObservation.shown(
                    doc.code(),
                    refArea,
                    sex.name(),
                    period,
                    f.value(),
                    f.mark() == org.atalaya.publication.Mark.PROVISIONAL,
                    doc.unit());
          };
      if (o != null) {
        byKey.putIfAbsent(o.key(), o);
      }
    }
  }

  private void survey(
      IndicatorDoc doc, String district, LocalDate asOf, Map<String, SdmxObservation> byKey)
      throws SQLException {
    for (IndicatorCells.CellInterval c : surveyCells.forIndicator(doc.code(), true)) {
      if (c.periodStart().isAfter(asOf)) {
        continue;
      }
      String area = Dsd.refArea("_T".equals(c.territory()) ? district : c.territory());
      String period = Dsd.timePeriod(doc.frequency(), doc.frequency().startOf(c.periodStart()));
      SdmxObservation o =
          c.suppressed() || c.value() == null
              ? SdmxObservation.withheld(doc.code(), area, c.sex(), period, doc.unit())
              : new SdmxObservation(
                  doc.code(),
                  area,
                  c.sex(),
                  Dsd.ALL_AGES,
                  period,
                  c.value(),
                  SdmxObservation.ESTIMATED,
                  SdmxObservation.FREE,
                  doc.unit(),
                  c.ciLower(),
                  c.ciUpper());
      byKey.putIfAbsent(o.key(), o);
    }
  }
}
