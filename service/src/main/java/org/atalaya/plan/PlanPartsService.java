package org.atalaya.plan;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.atalaya.audit.AuditLog;
import org.atalaya.plan.PlanDocument.ActionCardDoc;
import org.atalaya.plan.PlanDocument.AxisDoc;
import org.atalaya.plan.PlanDocument.ProjectDoc;
import org.atalaya.shared.ApiException;

/** The parts of a plan one at a time: axes, action cards, priority projects. */
@Singleton
class PlanPartsService {
  private final PlanService plans;
  private final PlanRepository planRows;
  private final PlanStore store;
  private final AxisRepository axes;
  private final ActionCardRepository cards;
  private final ProjectRepository projects;
  private final AuditLog audit;

  PlanPartsService(
      PlanService plans,
      PlanRepository planRows,
      PlanStore store,
      AxisRepository axes,
      ActionCardRepository cards,
      ProjectRepository projects,
      AuditLog audit) {
    this.plans = plans;
    this.planRows = planRows;
    this.store = store;
    this.axes = axes;
    this.cards = cards;
    this.projects = projects;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  List<AxisDoc> axes(String planCode, boolean staff) {
    return plans.document(planCode, staff).axes();
  }

  @Transactional
  AxisDoc saveAxis(String planCode, String axisCode, AxisDoc doc) {
    Plan plan = plans.require(planCode);
    if (!doc.actionCards().isEmpty()) {
      throw ApiException.invalid("actionCards", "format", "[]");
    }
    var existing = axisCode == null ? null : axis(plan, axisCode);
    if (existing == null && axes.findByPlanIdAndCode(plan.id(), doc.code()).isPresent()) {
      throw ApiException.conflict("code", "duplicate", doc.code());
    }
    if (existing != null && !existing.code().equals(doc.code())) {
      throw ApiException.invalid("code", "format", existing.code());
    }
    int position =
        existing != null
            ? existing.position()
            : next(axes.findByPlanIdOrderByPosition(plan.id()), Axis::position);
    store.saveAxis(plan, existing, doc, position);
    planRows.touch(plan.id());
    String key = planCode + "/" + doc.code();
    if (existing == null) {
      audit.created("axis", key, doc);
    } else {
      audit.updated("axis", key, axisDoc(existing), doc);
    }
    return doc;
  }

  @Transactional
  String deleteAxis(String planCode, String axisCode) {
    Plan plan = plans.require(planCode);
    Axis axis = axis(plan, axisCode);
    boolean hasCards =
        cards.findByPlanIdOrderByPosition(plan.id()).stream()
            .anyMatch(c -> c.axisId().equals(axis.id()));
    if (hasCards) {
      throw ApiException.conflict("code", "inUse", axisCode);
    }
    axes.delete(axis);
    planRows.touch(plan.id());
    audit.deleted("axis", planCode + "/" + axisCode, axisDoc(axis));
    return axisCode;
  }

  /** Moves an axis one place up ({@code by} &lt; 0) or down; at either end it stays. */
  @Transactional
  List<String> moveAxis(String planCode, String axisCode, int by) {
    Plan plan = plans.require(planCode);
    List<Axis> rows = axes.findByPlanIdOrderByPosition(plan.id());
    Axis axis = axis(plan, axisCode);
    int from = rows.indexOf(axis);
    int to = from + Integer.signum(by);
    if (by != 0 && to >= 0 && to < rows.size()) {
      Axis other = rows.get(to);
      store.saveAxis(plan, axis, axisDoc(axis), other.position());
      store.saveAxis(plan, other, axisDoc(other), axis.position());
      planRows.touch(plan.id());
      audit.updated("axis", planCode + "/" + axisCode, axis.position(), other.position());
    }
    return axes.findByPlanIdOrderByPosition(plan.id()).stream().map(Axis::code).toList();
  }

  @Transactional(readOnly = true)
  ActionCardDoc card(String planCode, String cardCode, boolean staff) {
    Plan plan = plans.visible(planCode, staff);
    return store.card(cardRow(plan, cardCode), institutionCodes());
  }

  @Transactional
  ActionCardDoc saveCard(String planCode, String axisCode, String cardCode, ActionCardDoc doc) {
    Plan plan = plans.require(planCode);
    ActionCard existing = cardCode == null ? null : cardRow(plan, cardCode);
    if (existing == null && cards.findByPlanIdAndCode(plan.id(), doc.code()).isPresent()) {
      throw ApiException.conflict("code", "duplicate", doc.code());
    }
    if (existing != null && !existing.code().equals(doc.code())) {
      throw ApiException.invalid("code", "format", existing.code());
    }
    Axis axis =
        axisCode != null ? axis(plan, axisCode) : axes.findById(existing.axisId()).orElseThrow();
    check(new PlanChecks(store.institutionCodes()).card("", doc));
    int position =
        existing != null
            ? existing.position()
            : next(cards.findByPlanIdOrderByPosition(plan.id()), ActionCard::position);
    ActionCard saved = store.saveCard(plan, axis, existing, doc, position);
    planRows.touch(plan.id());
    ActionCardDoc after = store.card(saved, institutionCodes());
    String key = planCode + "/" + doc.code();
    if (existing == null) {
      audit.created("action_card", key, after);
    } else {
      audit.updated("action_card", key, store.card(existing, institutionCodes()), after);
    }
    return after;
  }

  @Transactional
  String deleteCard(String planCode, String cardCode) {
    Plan plan = plans.require(planCode);
    ActionCard card = cardRow(plan, cardCode);
    ActionCardDoc before = store.card(card, institutionCodes());
    cards.delete(card);
    planRows.touch(plan.id());
    audit.deleted("action_card", planCode + "/" + cardCode, before);
    return cardCode;
  }

  @Transactional(readOnly = true)
  List<ProjectDoc> projects(String planCode, boolean staff) {
    return plans.document(planCode, staff).projects();
  }

  @Transactional(readOnly = true)
  ProjectDoc project(String planCode, String projectCode, boolean staff) {
    Plan plan = plans.visible(planCode, staff);
    return store.project(projectRow(plan, projectCode), axisCodes(plan), institutionCodes());
  }

  @Transactional
  ProjectDoc saveProject(String planCode, String projectCode, ProjectDoc doc) {
    Plan plan = plans.require(planCode);
    Project existing = projectCode == null ? null : projectRow(plan, projectCode);
    if (existing == null && projects.findByPlanIdAndCode(plan.id(), doc.code()).isPresent()) {
      throw ApiException.conflict("code", "duplicate", doc.code());
    }
    if (existing != null && !existing.code().equals(doc.code())) {
      throw ApiException.invalid("code", "format", existing.code());
    }
    Map<Long, String> axisCodes = axisCodes(plan);
    check(
        new PlanChecks(store.institutionCodes())
            .project("", doc, new HashSet<>(axisCodes.values())));
    Long axisId =
        doc.axis() == null
            ? null
            : axes.findByPlanIdAndCode(plan.id(), doc.axis()).orElseThrow().id();
    int position =
        existing != null
            ? existing.position()
            : next(projects.findByPlanIdOrderByPosition(plan.id()), Project::position);
    Project saved = store.saveProject(plan, existing, doc, axisId, position);
    planRows.touch(plan.id());
    ProjectDoc after = store.project(saved, axisCodes, institutionCodes());
    String key = planCode + "/" + doc.code();
    if (existing == null) {
      audit.created("project", key, after);
    } else {
      audit.updated("project", key, store.project(existing, axisCodes, institutionCodes()), after);
    }
    return after;
  }

  @Transactional
  String deleteProject(String planCode, String projectCode) {
    Plan plan = plans.require(planCode);
    Project project = projectRow(plan, projectCode);
    ProjectDoc before = store.project(project, axisCodes(plan), institutionCodes());
    projects.delete(project);
    planRows.touch(plan.id());
    audit.deleted("project", planCode + "/" + projectCode, before);
    return projectCode;
  }

  /** After the last one, so a delete never makes two parts share a place. */
  private static <T> int next(List<T> rows, java.util.function.ToIntFunction<T> position) {
    return rows.stream().mapToInt(position).max().orElse(-1) + 1;
  }

  private static AxisDoc axisDoc(Axis a) {
    return new AxisDoc(a.code(), a.name(), a.standard(), a.description(), List.of());
  }

  private static void check(PlanChecks checks) {
    if (!checks.errors().isEmpty()) {
      throw ApiException.invalid(checks.errors());
    }
  }

  private Axis axis(Plan plan, String code) {
    return axes.findByPlanIdAndCode(plan.id(), code)
        .orElseThrow(() -> ApiException.notFound("axis", code));
  }

  private ActionCard cardRow(Plan plan, String code) {
    return cards
        .findByPlanIdAndCode(plan.id(), code)
        .orElseThrow(() -> ApiException.notFound("action", code));
  }

  private Project projectRow(Plan plan, String code) {
    return projects
        .findByPlanIdAndCode(plan.id(), code)
        .orElseThrow(() -> ApiException.notFound("project", code));
  }

  private Map<Long, String> axisCodes(Plan plan) {
    Map<Long, String> codes = new HashMap<>();
    axes.findByPlanIdOrderByPosition(plan.id()).forEach(a -> codes.put(a.id(), a.code()));
    return codes;
  }

  private Map<Long, String> institutionCodes() {
    return store.institutionCodesById();
  }
}
