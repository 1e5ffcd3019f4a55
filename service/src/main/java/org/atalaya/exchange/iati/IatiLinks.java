package org.atalaya.exchange.iati;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.atalaya.audit.AuditLog;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.plan.PlanDocument;
import org.atalaya.plan.PlanService;
import org.atalaya.shared.ApiException;

/**
 * Which of a plan's tracked indicators each priority project reports to donors as its results. A
 * project's free-text indicators (the guide's step 5) say what it will measure; these links say
 * which measured indicator, with its targets and figures, stands for it.
 */
@Singleton
public class IatiLinks {
  static final String ENTITY = "iatiResults";

  private final IatiResultRepository repository;
  private final PlanService plans;
  private final IndicatorService indicators;
  private final AuditLog audit;

  IatiLinks(
      IatiResultRepository repository,
      PlanService plans,
      IndicatorService indicators,
      AuditLog audit) {
    this.repository = repository;
    this.plans = plans;
    this.indicators = indicators;
    this.audit = audit;
  }

  /** Project code → its indicator codes, in order; projects without links are absent. */
  @Transactional(readOnly = true)
  public Map<String, List<String>> byProject(String plan) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (IatiResultRepository.Link l : repository.findByPlan(plan)) {
      out.computeIfAbsent(l.projectCode(), k -> new ArrayList<>()).add(l.indicatorCode());
    }
    return out;
  }

  /**
   * Replaces a project's result indicators: each must be one of the plan's indicators, listed once.
   * All or nothing; audited.
   */
  @Transactional
  public List<String> replace(String plan, String project, List<String> codes) {
    PlanDocument doc = plans.document(plan, true);
    if (doc.projects().stream().noneMatch(p -> p.code().equals(project))) {
      throw ApiException.notFound("project", project);
    }
    Set<String> ofPlan = new HashSet<>();
    for (IndicatorDoc i : indicators.list(plan)) {
      ofPlan.add(i.code());
    }
    List<ApiException.FieldError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < codes.size(); i++) {
      String code = codes.get(i);
      String field = "indicators[" + i + "]";
      if (!ofPlan.contains(code)) {
        errors.add(new ApiException.FieldError(field, "iatiIndicatorNotInPlan", code, plan));
      } else if (!seen.add(code)) {
        errors.add(new ApiException.FieldError(field, "iatiIndicatorTwice", code));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    List<String> before = byProject(plan).getOrDefault(project, List.of());
    repository.deleteProject(plan, project);
    for (int i = 0; i < codes.size(); i++) {
      repository.insert(plan, project, codes.get(i), i);
    }
    audit.updated(ENTITY, plan + "/" + project, before, List.copyOf(codes));
    return List.copyOf(codes);
  }
}
