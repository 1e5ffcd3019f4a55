package org.atalaya.indicator;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.atalaya.audit.AuditLog;
import org.atalaya.indicator.IndicatorDoc.TargetDoc;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.ApiException.FieldError;
import org.atalaya.shared.PlainDecimals;
import org.atalaya.territory.Territory;
import org.atalaya.territory.TerritoryLevel;
import org.atalaya.territory.TerritoryService;

/** An indicator's targets: baseline, milestones and final value per cell, and which one applies. */
@Singleton
public class TargetService {
  private final IndicatorService indicators;
  private final TargetRepository targets;
  private final TerritoryService territories;
  private final AuditLog audit;

  TargetService(
      IndicatorService indicators,
      TargetRepository targets,
      TerritoryService territories,
      AuditLog audit) {
    this.indicators = indicators;
    this.targets = targets;
    this.territories = territories;
    this.audit = audit;
  }

  private Indicator require(String code) {
    return indicators.require(code);
  }

  @Transactional(readOnly = true)
  public List<TargetDoc> targets(String code) {
    Indicator indicator = require(code);
    return targets.findByIndicatorIdOrderById(indicator.id()).stream()
        .map(this::targetDoc)
        .toList();
  }

  /** Replaces the indicator's targets as a whole. */
  @Transactional
  public List<TargetDoc> saveTargets(String code, List<TargetDoc> docs) {
    Indicator indicator = require(code);
    indicators.requireChangeable(indicator);
    List<FieldError> errors = new ArrayList<>();
    var cells = new HashSet<String>();
    List<Target> rows = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      TargetDoc d = docs.get(i);
      String prefix = "[" + i + "].";
      Optional<Territory> territory = territories.find(d.territory());
      if (territory.isEmpty()) {
        errors.add(new FieldError(prefix + "territory", "unknownTerritory", d.territory()));
        continue;
      }
      if (d.sex() != Sex._T && !indicator.bySex()) {
        errors.add(new FieldError(prefix + "sex", "notDisaggregated", "sex"));
      }
      if (!d.target().period().isAfter(d.baseline().period())) {
        errors.add(new FieldError(prefix + "target.period", "dateOrder"));
      }
      if (territory.get().level() != TerritoryLevel.DISTRICT && !indicator.byTerritory()) {
        errors.add(new FieldError(prefix + "territory", "notDisaggregated", "territorio"));
      }
      var periods = new HashSet<java.time.LocalDate>();
      for (int m = 0; m < d.milestones().size(); m++) {
        var milestone = d.milestones().get(m).period();
        if (!milestone.isAfter(d.baseline().period()) || !milestone.isBefore(d.target().period())) {
          errors.add(new FieldError(prefix + "milestones[" + m + "].period", "milestoneOutside"));
        }
        if (!periods.add(milestone)) {
          errors.add(
              new FieldError(
                  prefix + "milestones[" + m + "].period", "duplicateInDocument", milestone));
        }
      }
      if (!cells.add(d.sex() + "/" + d.territory())) {
        errors.add(
            new FieldError(
                prefix + "territory", "duplicateInDocument", d.sex() + " " + d.territory()));
      }
      rows.add(
          new Target(
              null,
              indicator.id(),
              d.sex(),
              territory.get().id(),
              d.baseline().period(),
              d.baseline().value(),
              d.target().period(),
              d.target().value()));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    List<TargetDoc> before = targets(code);
    targets.deleteForIndicator(indicator.id());
    for (int i = 0; i < rows.size(); i++) {
      Target saved = targets.save(rows.get(i));
      for (IndicatorDoc.Point m : docs.get(i).milestones()) {
        targets.addMilestone(saved.id(), m.period(), m.value());
      }
    }
    List<TargetDoc> after = targets(code);
    audit.updated("target", code, before, after);
    return after;
  }

  /** The target that applies to one cell, and whether it comes from the total. */
  @Transactional(readOnly = true)
  public Optional<TargetRules.Applicable<TargetDoc>> applicableTarget(
      String code, Sex sex, String territoryCode) {
    Indicator indicator = require(code);
    Territory territory = territories.require(territoryCode);
    List<Target> all = targets.findByIndicatorIdOrderById(indicator.id());
    return TargetRules.applicable(
            indicator.kind(),
            all,
            Target::sex,
            Target::territoryId,
            sex,
            territory.id(),
            id -> territories.byId(id).map(t -> t.level() == TerritoryLevel.DISTRICT).orElse(false))
        .map(a -> new TargetRules.Applicable<>(targetDoc(a.target()), a.inherited()));
  }

  private TargetDoc targetDoc(Target t) {
    String territory = territories.byId(t.territoryId()).map(Territory::code).orElseThrow();
    return new TargetDoc(
        t.sex(),
        territory,
        new IndicatorDoc.Point(t.baselinePeriod(), PlainDecimals.plain(t.baselineValue())),
        targets.milestones(t.id()).stream()
            .map(m -> new IndicatorDoc.Point(m.period(), PlainDecimals.plain(m.value())))
            .toList(),
        new IndicatorDoc.Point(t.finalDate(), PlainDecimals.plain(t.finalValue())));
  }
}
