package org.atalaya.plan;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.atalaya.audit.AuditLog;
import org.atalaya.shared.ApiException;

/** Reading and replacing a plan's members, checked and audited. */
@Singleton
class PlanMembers {
  private final PlanService plans;
  private final PlanAccess access;
  private final AuditLog audit;

  PlanMembers(PlanService plans, PlanAccess access, AuditLog audit) {
    this.plans = plans;
    this.access = access;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  List<String> list(String code) {
    return access.members(plans.find(code).id());
  }

  @Transactional
  List<String> replace(String code, List<String> usernames) {
    Plan plan = plans.find(code);
    List<ApiException.FieldError> errors = new ArrayList<>();
    LinkedHashSet<String> unique = new LinkedHashSet<>();
    java.util.Set<String> known = access.existing(usernames);
    for (int i = 0; i < usernames.size(); i++) {
      String name = usernames.get(i);
      if (name == null || !known.contains(name)) {
        errors.add(new ApiException.FieldError("[" + i + "]", "unknownUser", name));
      } else if (!unique.add(name)) {
        errors.add(new ApiException.FieldError("[" + i + "]", "duplicateInDocument", name));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    List<String> before = access.members(plan.id());
    List<String> after = List.copyOf(unique);
    access.replace(plan.id(), after);
    audit.updated("plan.members", code, Map.of("members", before), Map.of("members", after));
    return access.members(plan.id());
  }
}
