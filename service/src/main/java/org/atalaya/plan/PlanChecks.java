package org.atalaya.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.atalaya.plan.PlanDocument.ActionCardDoc;
import org.atalaya.plan.PlanDocument.AxisDoc;
import org.atalaya.plan.PlanDocument.ProjectDoc;
import org.atalaya.shared.ApiException.FieldError;

/**
 * The rules bean validation cannot express: references by code, dates in order, codes unique in a
 * document. Each check names the field by its path in the body ({@code axes[1].code}).
 */
final class PlanChecks {
  private final List<FieldError> errors = new ArrayList<>();
  private final Set<String> institutions;

  PlanChecks(Set<String> knownInstitutions) {
    this.institutions = knownInstitutions;
  }

  List<FieldError> errors() {
    return errors;
  }

  PlanChecks header(String prefix, PlanDocument.Header h, boolean territoryExists) {
    if (!territoryExists) {
      errors.add(new FieldError(prefix + "territory", "unknownTerritory", h.territory()));
    }
    if (!h.periodEnd().isAfter(h.periodStart())) {
      errors.add(new FieldError(prefix + "periodEnd", "periodOrder"));
    }
    return this;
  }

  PlanChecks card(String prefix, ActionCardDoc c) {
    institution(prefix + "leadInstitution", c.leadInstitution());
    Set<String> partners = new HashSet<>();
    for (int i = 0; i < c.partners().size(); i++) {
      String partner = c.partners().get(i);
      institution(prefix + "partners[" + i + "]", partner);
      if (!partners.add(partner)) {
        errors.add(new FieldError(prefix + "partners[" + i + "]", "duplicateInDocument", partner));
      }
    }
    if (c.schedule() != null) {
      dates(prefix + "schedule.end", c.schedule().start(), c.schedule().end());
    }
    return this;
  }

  PlanChecks project(String prefix, ProjectDoc p, Set<String> axes) {
    if (p.axis() != null && !axes.contains(p.axis())) {
      errors.add(new FieldError(prefix + "axis", "unknownAxis", p.axis()));
    }
    institution(prefix + "leadInstitution", p.leadInstitution());
    dates(prefix + "end", p.start(), p.end());
    for (int i = 0; i < p.schedule().size(); i++) {
      var item = p.schedule().get(i);
      dates(prefix + "schedule[" + i + "].end", item.start(), item.end());
    }
    return this;
  }

  /** The whole document: every part, and every code unique where it must be. */
  PlanChecks document(PlanDocument d, boolean territoryExists) {
    if (!PlanDocument.FORMAT.equals(d.format())) {
      errors.add(new FieldError("format", "format", PlanDocument.FORMAT));
    }
    header("plan.", d.plan(), territoryExists);
    unique(
        "institutions", d.institutions().stream().map(PlanDocument.InstitutionDoc::code).toList());
    unique("axes", d.axes().stream().map(AxisDoc::code).toList());
    unique("projects", d.projects().stream().map(ProjectDoc::code).toList());
    Set<String> cardCodes = new HashSet<>();
    for (int a = 0; a < d.axes().size(); a++) {
      List<ActionCardDoc> cards = d.axes().get(a).actionCards();
      for (int c = 0; c < cards.size(); c++) {
        String prefix = "axes[" + a + "].actionCards[" + c + "].";
        if (!cardCodes.add(cards.get(c).code())) {
          errors.add(new FieldError(prefix + "code", "duplicateInDocument", cards.get(c).code()));
        }
        card(prefix, cards.get(c));
      }
    }
    Set<String> axisCodes = new HashSet<>(d.axes().stream().map(AxisDoc::code).toList());
    for (int p = 0; p < d.projects().size(); p++) {
      project("projects[" + p + "].", d.projects().get(p), axisCodes);
    }
    return this;
  }

  private void unique(String list, List<String> codes) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < codes.size(); i++) {
      if (!seen.add(codes.get(i))) {
        errors.add(new FieldError(list + "[" + i + "].code", "duplicateInDocument", codes.get(i)));
      }
    }
  }

  private void institution(String field, String code) {
    if (code != null && !institutions.contains(code)) {
      errors.add(new FieldError(field, "unknownInstitution", code));
    }
  }

  private void dates(String field, LocalDate start, LocalDate end) {
    if (start != null && end != null && end.isBefore(start)) {
      errors.add(new FieldError(field, "dateOrder"));
    }
  }
}
