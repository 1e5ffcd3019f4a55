package org.atalaya.plan;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.atalaya.audit.AuditLog;
import org.atalaya.institution.Institution;
import org.atalaya.institution.InstitutionRepository;
import org.atalaya.plan.PlanDocument.ActionCardDoc;
import org.atalaya.plan.PlanDocument.AxisDoc;
import org.atalaya.plan.PlanDocument.ProjectDoc;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.Messages;
import org.atalaya.territory.TerritoryService;

/** Plans as wholes: list, read, create, change status, export and import. */
@Singleton
public class PlanService {
  private final PlanRepository plans;
  private final PlanStore store;
  private final AxisRepository axes;
  private final ActionCardRepository cards;
  private final ProjectRepository projects;
  private final InstitutionRepository institutions;
  private final TerritoryService territories;
  private final AuditLog audit;
  private final PlanAccess access;

  PlanService(
      PlanRepository plans,
      PlanStore store,
      AxisRepository axes,
      ActionCardRepository cards,
      ProjectRepository projects,
      InstitutionRepository institutions,
      TerritoryService territories,
      AuditLog audit,
      PlanAccess access) {
    this.plans = plans;
    this.store = store;
    this.axes = axes;
    this.cards = cards;
    this.projects = projects;
    this.institutions = institutions;
    this.territories = territories;
    this.audit = audit;
    this.access = access;
  }

  @Serdeable
  public record PlanSummary(
      String code,
      String name,
      String territory,
      LocalDate periodStart,
      LocalDate periodEnd,
      PlanStatus status,
      long version,
      int axes,
      int actionCards,
      int projects) {}

  /** Published plans for the public; every plan for signed-in staff. */
  @Transactional(readOnly = true)
  public List<PlanSummary> list(boolean staff) {
    List<Plan> rows =
        staff
            ? plans.listOrderByPeriodStartDescAndCode()
            : plans.findByStatusOrderByPeriodStartDescAndCode(PlanStatus.PUBLISHED);
    return rows.stream().filter(access::listed).map(this::summary).toList();
  }

  @Transactional(readOnly = true)
  public PlanDocument document(String code, boolean staff) {
    return store.document(visible(code, staff));
  }

  /**
   * The plan as a document to keep or import elsewhere: for staff with its indicators and their
   * targets, which are staff's until a report publishes them.
   */
  @Transactional(readOnly = true)
  public PlanDocument export(String code, boolean staff) {
    Plan plan = visible(code, staff);
    return staff ? store.wholeDocument(plan) : store.document(plan);
  }

  /**
   * A plan the caller may read; a draft is "not found" for the public, not "forbidden", and so is a
   * restricted draft for staff who are not its members.
   */
  Plan visible(String code, boolean staff) {
    Plan plan = find(code);
    if (!staff && !plan.isPublic()) {
      throw ApiException.notFound("plan", code);
    }
    access.check(plan, false);
    return plan;
  }

  /** Refuses, as "not found", a plan the signed-in caller may not read (see {@link PlanAccess}). */
  @Transactional(readOnly = true)
  public void requireReadable(String code) {
    visible(code, true);
  }

  /**
   * The row id of a plan the caller may read ({@code write}: may change), for the features that
   * hang their own rows on a plan (its execution). Refuses as {@link #document} does. Recording a
   * published plan's execution does not change the plan, so it needs no approval step.
   */
  @Transactional(readOnly = true)
  public long planId(String code, boolean staff, boolean write) {
    if (write) {
      Plan plan = find(code);
      access.check(plan, true);
      return plan.id();
    }
    return visible(code, staff).id();
  }

  /** A plan the caller may change (a restricted plan: its members and administrators). */
  Plan require(String code) {
    Plan plan = find(code);
    access.check(plan, true);
    refuseIfPublished(plan);
    return plan;
  }

  /**
   * A published plan changes only through an approved proposal ({@link PlanChanges}): outside its
   * sandbox every write to one is refused.
   */
  static void refuseIfPublished(Plan plan) {
    if (plan.isPublic() && !ChangeSandbox.inside()) {
      throw ApiException.conflict("status", "publishedPlan", plan.code());
    }
  }

  java.util.Optional<Plan> byId(long id) {
    return plans.findById(id);
  }

  /** Whether the signed-in caller may read this plan (see {@link PlanAccess}). */
  boolean readable(Plan plan) {
    return access.listed(plan);
  }

  boolean exists(String code) {
    return plans.findByCode(code).isPresent();
  }

  Plan find(String code) {
    return plans.findByCode(code).orElseThrow(() -> ApiException.notFound("plan", code));
  }

  /** A new plan starts as a draft with the guide's five standard axes. */
  @Transactional
  PlanSummary create(PlanDocument.Header header) {
    if (plans.findByCode(header.code()).isPresent()) {
      throw ApiException.conflict("code", "duplicate", header.code());
    }
    if (header.status() != null && header.status() != PlanStatus.DRAFT) {
      throw ApiException.invalid("status", "format", PlanStatus.DRAFT);
    }
    Plan plan = plans.save(row(null, header, PlanStatus.DRAFT, 0));
    StandardAxis[] standard = StandardAxis.values();
    for (int i = 0; i < standard.length; i++) {
      var doc =
          new AxisDoc(
              standard[i].defaultCode(), standard[i].spanishName(), standard[i], null, List.of());
      store.saveAxis(plan, null, doc, i);
    }
    PlanSummary summary = summary(plan);
    audit.created("plan", plan.code(), summary);
    return summary;
  }

  @Transactional
  PlanSummary update(String code, PlanDocument.Header header, boolean mayChangeStatus) {
    Plan before = require(code);
    if (!code.equals(header.code())) {
      throw ApiException.invalid("code", "format", code);
    }
    PlanStatus status = header.status() == null ? before.status() : header.status();
    requireStatusRight(before.status(), status, mayChangeStatus);
    Plan after = plans.update(row(before.id(), header, status, before.version() + 1));
    audit.updated("plan", code, summary(before), summary(after));
    return summary(after);
  }

  @Transactional
  void delete(String code) {
    Plan plan = require(code);
    if (plan.isPublic()) {
      throw ApiException.conflict("status", "publishedPlanDelete", code);
    }
    PlanDocument before = store.document(plan);
    plans.delete(plan);
    audit.deleted("plan", code, before);
  }

  /**
   * Imports a whole plan all-or-nothing. An existing plan is only replaced when asked; parts are
   * matched by code, so an action card keeps its identity (and what hangs from it) across imports.
   */
  @Transactional
  public PlanSummary importDocument(PlanDocument doc, boolean replace, boolean mayChangeStatus) {
    var existing = plans.findByCode(doc.plan().code());
    existing.ifPresent(p -> access.check(p, true));
    if (existing.isPresent() && !replace) {
      throw ApiException.conflict("plan.code", "duplicate", doc.plan().code());
    }
    existing.ifPresent(PlanService::refuseIfPublished);
    Set<String> known = store.institutionCodes();
    doc.institutions().forEach(i -> known.add(i.code()));
    var errors =
        new PlanChecks(known)
            .document(doc, territories.find(doc.plan().territory()).isPresent())
            .errors();
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    // The document's institutions are reference data: created when new, brought up to date else.
    for (PlanDocument.InstitutionDoc i : doc.institutions()) {
      var current = institutions.findByCode(i.code());
      var row =
          new Institution(
              current.map(Institution::id).orElse(null), i.code(), i.name(), i.acronym(), i.kind());
      if (current.isEmpty()) {
        institutions.save(row);
      } else if (!current.get().equals(row)) {
        institutions.update(row);
        audit.updated("institution", i.code(), current.get(), row);
      }
    }
    PlanStatus status = doc.plan().status() == null ? PlanStatus.DRAFT : doc.plan().status();
    requireStatusRight(
        existing.map(Plan::status).orElse(PlanStatus.DRAFT), status, mayChangeStatus);
    Plan plan =
        existing.isPresent()
            ? plans.update(
                row(existing.get().id(), doc.plan(), status, existing.get().version() + 1))
            : plans.save(row(null, doc.plan(), status, 0));
    replaceParts(plan, doc);
    if (doc.indicators() != null) {
      store.replaceIndicators(plan, doc.indicators());
    }
    PlanSummary summary = summary(plan);
    audit.imported("plan", plan.code(), doc);
    return summary;
  }

  private void replaceParts(Plan plan, PlanDocument doc) {
    Map<String, Axis> axisByCode = new HashMap<>();
    axes.findByPlanIdOrderByPosition(plan.id()).forEach(a -> axisByCode.put(a.code(), a));
    Map<String, ActionCard> cardByCode = new HashMap<>();
    cards.findByPlanIdOrderByPosition(plan.id()).forEach(c -> cardByCode.put(c.code(), c));
    Map<String, Project> projectByCode = new HashMap<>();
    projects.findByPlanIdOrderByPosition(plan.id()).forEach(p -> projectByCode.put(p.code(), p));

    Map<String, Axis> savedAxes = new HashMap<>();
    Set<String> keptCards = new HashSet<>();
    int cardPosition = 0;
    for (int a = 0; a < doc.axes().size(); a++) {
      AxisDoc axisDoc = doc.axes().get(a);
      Axis axis = store.saveAxis(plan, axisByCode.get(axisDoc.code()), axisDoc, a);
      savedAxes.put(axis.code(), axis);
      for (ActionCardDoc card : axisDoc.actionCards()) {
        store.saveCard(plan, axis, cardByCode.get(card.code()), card, cardPosition++);
        keptCards.add(card.code());
      }
    }
    cardByCode.values().stream().filter(c -> !keptCards.contains(c.code())).forEach(cards::delete);
    axisByCode.values().stream()
        .filter(a -> !savedAxes.containsKey(a.code()))
        .forEach(axes::delete);
    List<String> keptProjects = new ArrayList<>();
    for (int p = 0; p < doc.projects().size(); p++) {
      ProjectDoc project = doc.projects().get(p);
      Axis axis = project.axis() == null ? null : savedAxes.get(project.axis());
      store.saveProject(
          plan, projectByCode.get(project.code()), project, axis == null ? null : axis.id(), p);
      keptProjects.add(project.code());
    }
    projectByCode.values().stream()
        .filter(p -> !keptProjects.contains(p.code()))
        .forEach(projects::delete);
  }

  /**
   * Approving and publishing a plan is not a data-entry step: only an administrator moves its
   * status (the committee's approval workflow comes with publishing reports).
   */
  private static void requireStatusRight(PlanStatus from, PlanStatus to, boolean mayChangeStatus) {
    if (from != to && !mayChangeStatus) {
      throw new ApiException(
          io.micronaut.http.HttpStatus.FORBIDDEN,
          "problem.invalid",
          List.of(
              new ApiException.FieldError(
                  "status",
                  "statusRight",
                  new Messages.Key("web.plan.status." + from),
                  new Messages.Key("web.plan.status." + to))));
    }
  }

  PlanSummary summary(Plan p) {
    return new PlanSummary(
        p.code(),
        p.name(),
        store.header(p).territory(),
        p.periodStart(),
        p.periodEnd(),
        p.status(),
        p.version(),
        axes.findByPlanIdOrderByPosition(p.id()).size(),
        cards.findByPlanIdOrderByPosition(p.id()).size(),
        projects.findByPlanIdOrderByPosition(p.id()).size());
  }

  private Plan row(Long id, PlanDocument.Header h, PlanStatus status, long version) {
    var errors =
        new PlanChecks(Set.of())
            .header("", h, territories.find(h.territory()).isPresent())
            .errors();
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    Long territoryId = territories.require(h.territory()).id();
    return new Plan(
        id,
        h.code(),
        h.name(),
        territoryId,
        h.periodStart(),
        h.periodEnd(),
        status,
        h.description(),
        version);
  }
}
