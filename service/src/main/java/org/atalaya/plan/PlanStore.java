package org.atalaya.plan;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.atalaya.institution.Institution;
import org.atalaya.institution.InstitutionRepository;
import org.atalaya.plan.PlanDocument.ActionCardDoc;
import org.atalaya.plan.PlanDocument.AxisDoc;
import org.atalaya.plan.PlanDocument.Money;
import org.atalaya.plan.PlanDocument.ProjectDoc;
import org.atalaya.plan.PlanDocument.Schedule;
import org.atalaya.territory.Territory;
import org.atalaya.territory.TerritoryRepository;

/**
 * Moves plan parts between their document form (codes) and their rows (ids). It assumes the
 * references were checked ({@link PlanChecks}) and runs inside the caller's transaction.
 */
@Singleton
class PlanStore {
  private final AxisRepository axes;
  private final ActionCardRepository cards;
  private final ProjectRepository projects;
  private final InstitutionRepository institutions;
  private final TerritoryRepository territories;
  private final BeanProvider<PlanPart> parts;
  private final PartnerQueries partners;

  PlanStore(
      BeanProvider<PlanPart> parts,
      PartnerQueries partners,
      AxisRepository axes,
      ActionCardRepository cards,
      ProjectRepository projects,
      InstitutionRepository institutions,
      TerritoryRepository territories) {
    this.axes = axes;
    this.cards = cards;
    this.projects = projects;
    this.institutions = institutions;
    this.territories = territories;
    this.parts = parts;
    this.partners = partners;
  }

  /** The participants' parts of a plan ({@link PlanPart}): its indicators and their targets. */
  List<Map<String, Object>> indicators(Plan plan) {
    List<Map<String, Object>> out = new ArrayList<>();
    parts.stream().forEach(p -> out.addAll(p.read(plan.code())));
    return out;
  }

  void replaceIndicators(Plan plan, List<Map<String, Object>> entries) {
    parts.stream().forEach(p -> p.replace(plan.code(), entries));
  }

  Set<String> institutionCodes() {
    Set<String> codes = new TreeSet<>();
    institutions.findAll().forEach(i -> codes.add(i.code()));
    return codes;
  }

  PlanDocument.Header header(Plan p) {
    String territory = territories.findById(p.territoryId()).map(Territory::code).orElseThrow();
    return new PlanDocument.Header(
        p.code(), p.name(), territory, p.periodStart(), p.periodEnd(), p.status(), p.description());
  }

  Map<Long, String> institutionCodesById() {
    Map<Long, String> codes = new HashMap<>();
    institutions.findAll().forEach(i -> codes.put(i.id(), i.code()));
    return codes;
  }

  /** The plan's document with its indicators and targets: what change control compares. */
  PlanDocument wholeDocument(Plan plan) {
    PlanDocument doc = document(plan);
    return new PlanDocument(
        doc.format(), doc.plan(), doc.institutions(), doc.axes(), doc.projects(), indicators(plan));
  }

  /** The plan's own parts (header, institutions, axes and cards, projects). */
  PlanDocument document(Plan plan) {
    // One read of the institutions serves both their codes and the list the document names.
    List<Institution> allInstitutions = institutions.listOrderByCode();
    Map<Long, String> institutionCodes = new HashMap<>();
    allInstitutions.forEach(i -> institutionCodes.put(i.id(), i.code()));
    List<Axis> axisRows = axes.findByPlanIdOrderByPosition(plan.id());
    Map<Long, String> axisCodes = new HashMap<>();
    axisRows.forEach(a -> axisCodes.put(a.id(), a.code()));
    List<ActionCard> cardRows = cards.findByPlanIdOrderByPosition(plan.id());
    Map<Long, List<Long>> partnerIds = partners.ofPlan(plan.id());
    List<AxisDoc> axisDocs = new ArrayList<>();
    Set<String> used = new LinkedHashSet<>();
    for (Axis a : axisRows) {
      List<ActionCardDoc> docs = new ArrayList<>();
      for (ActionCard c : cardRows) {
        if (c.axisId().equals(a.id())) {
          List<String> partnerCodes =
              partnerIds.getOrDefault(c.id(), List.of()).stream()
                  .map(institutionCodes::get)
                  .toList();
          ActionCardDoc doc = card(c, institutionCodes, partnerCodes);
          docs.add(doc);
          addIfPresent(used, doc.leadInstitution());
          used.addAll(doc.partners());
        }
      }
      axisDocs.add(new AxisDoc(a.code(), a.name(), a.standard(), a.description(), docs));
    }
    List<ProjectDoc> projectDocs = new ArrayList<>();
    for (Project p : projects.findByPlanIdOrderByPosition(plan.id())) {
      ProjectDoc doc = project(p, axisCodes, institutionCodes);
      projectDocs.add(doc);
      addIfPresent(used, doc.leadInstitution());
    }
    List<PlanDocument.InstitutionDoc> institutionDocs =
        allInstitutions.stream()
            .filter(i -> used.contains(i.code()))
            .map(i -> new PlanDocument.InstitutionDoc(i.code(), i.name(), i.acronym(), i.kind()))
            .toList();
    return new PlanDocument(
        PlanDocument.FORMAT, header(plan), institutionDocs, axisDocs, projectDocs, null);
  }

  ActionCardDoc card(ActionCard c, Map<Long, String> institutionCodes) {
    return card(c, institutionCodes, cards.partnerCodes(c.id()));
  }

  private static ActionCardDoc card(
      ActionCard c, Map<Long, String> institutionCodes, List<String> partnerCodes) {
    Schedule schedule =
        c.scheduleStart() == null && c.scheduleEnd() == null && c.scheduleNotes() == null
            ? null
            : new Schedule(c.scheduleStart(), c.scheduleEnd(), c.scheduleNotes());
    return new ActionCardDoc(
        c.code(),
        c.title(),
        c.problem(),
        c.generalObjective(),
        c.actions(),
        c.targets(),
        c.indicators(),
        institutionCodes.get(c.leadInstitutionId()),
        partnerCodes,
        c.otherPartners(),
        schedule,
        money(c.budgetAmount(), c.budgetCurrency()),
        c.fundingSource());
  }

  ProjectDoc project(Project p, Map<Long, String> axisCodes, Map<Long, String> institutionCodes) {
    return new ProjectDoc(
        p.code(),
        p.name(),
        axisCodes.get(p.axisId()),
        p.location(),
        p.startDate(),
        p.endDate(),
        p.problem(),
        p.justification(),
        p.generalObjective(),
        p.specificObjectives(),
        p.activities(),
        p.beneficiaries(),
        p.indicators(),
        p.schedule(),
        p.communicationPlan(),
        p.monitoringPlan(),
        institutionCodes.get(p.leadInstitutionId()),
        money(p.budgetAmount(), p.budgetCurrency()),
        p.fundingSource());
  }

  Axis saveAxis(Plan plan, @Nullable Axis existing, AxisDoc doc, int position) {
    var row =
        new Axis(
            existing == null ? null : existing.id(),
            plan.id(),
            doc.code(),
            doc.name(),
            doc.standard(),
            doc.description(),
            position);
    return existing == null ? axes.save(row) : axes.update(row);
  }

  ActionCard saveCard(
      Plan plan, Axis axis, @Nullable ActionCard existing, ActionCardDoc doc, int position) {
    Schedule s = doc.schedule() == null ? new Schedule(null, null, null) : doc.schedule();
    Money budget = doc.budget();
    var row =
        new ActionCard(
            existing == null ? null : existing.id(),
            plan.id(),
            axis.id(),
            doc.code(),
            doc.title(),
            doc.problem(),
            doc.generalObjective(),
            doc.actions(),
            doc.targets(),
            doc.indicators(),
            institutionId(doc.leadInstitution()),
            doc.otherPartners(),
            s.start(),
            s.end(),
            s.notes(),
            budget == null ? null : budget.amount(),
            budget == null ? null : budget.currency(),
            doc.fundingSource(),
            position);
    ActionCard saved = existing == null ? cards.save(row) : cards.update(row);
    cards.clearPartners(saved.id());
    for (int i = 0; i < doc.partners().size(); i++) {
      cards.addPartner(saved.id(), institutionId(doc.partners().get(i)), i);
    }
    return saved;
  }

  Project saveProject(
      Plan plan, @Nullable Project existing, ProjectDoc doc, @Nullable Long axisId, int position) {
    Money budget = doc.budget();
    var row =
        new Project(
            existing == null ? null : existing.id(),
            plan.id(),
            axisId,
            doc.code(),
            doc.name(),
            doc.location(),
            doc.start(),
            doc.end(),
            doc.problem(),
            doc.justification(),
            doc.generalObjective(),
            doc.specificObjectives(),
            doc.activities(),
            doc.beneficiaries(),
            doc.indicators(),
            doc.schedule(),
            doc.communicationPlan(),
            doc.monitoringPlan(),
            institutionId(doc.leadInstitution()),
            budget == null ? null : budget.amount(),
            budget == null ? null : budget.currency(),
            doc.fundingSource(),
            position);
    return existing == null ? projects.save(row) : projects.update(row);
  }

  private Long institutionId(@Nullable String code) {
    return code == null
        ? null
        : institutions
            .findByCode(code)
            .map(Institution::id)
            .orElseThrow(() -> new IllegalStateException("unchecked institution " + code));
  }

  private static Money money(@Nullable java.math.BigDecimal amount, @Nullable String currency) {
    return amount == null ? null : new Money(amount, currency);
  }

  private static void addIfPresent(Set<String> set, @Nullable String value) {
    if (value != null) {
      set.add(value);
    }
  }
}
