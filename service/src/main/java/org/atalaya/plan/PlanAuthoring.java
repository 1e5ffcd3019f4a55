package org.atalaya.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.sql.Connection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atalaya.plan.PlanChanges.Change;
import org.atalaya.plan.PlanChanges.Outcome;
import org.atalaya.plan.PlanDiff.Difference;
import org.atalaya.plan.PlanDocument.ActionCardDoc;
import org.atalaya.plan.PlanDocument.AxisDoc;
import org.atalaya.plan.PlanDocument.Header;
import org.atalaya.plan.PlanDocument.ProjectDoc;
import org.atalaya.plan.PlanService.PlanSummary;
import org.atalaya.shared.ApiException;

/**
 * What the authoring pages may do to a plan: the same validation and services as the API (so a form
 * and the API never disagree), the same change control of a published plan, and optimistic locking
 * of a card: a save names the card as it was read, and is refused if someone changed it meanwhile.
 */
@Singleton
public class PlanAuthoring {
  private final PlanService plans;
  private final PlanPartsService parts;
  private final PlanChanges changes;
  private final Validator validator;
  private final TransactionOperations<Connection> tx;
  private final org.atalaya.institution.InstitutionRepository institutions;

  PlanAuthoring(
      org.atalaya.institution.InstitutionRepository institutions,
      PlanService plans,
      PlanPartsService parts,
      PlanChanges changes,
      Validator validator,
      TransactionOperations<Connection> tx) {
    this.plans = plans;
    this.parts = parts;
    this.changes = changes;
    this.validator = validator;
    this.tx = tx;
    this.institutions = institutions;
  }

  /** The institutions a card or project may name, by name. */
  public List<PlanDocument.InstitutionDoc> institutions() {
    List<PlanDocument.InstitutionDoc> out = new java.util.ArrayList<>();
    institutions
        .findAll()
        .forEach(
            i ->
                out.add(
                    new PlanDocument.InstitutionDoc(i.code(), i.name(), i.acronym(), i.kind())));
    out.sort(java.util.Comparator.comparing(PlanDocument.InstitutionDoc::name));
    return out;
  }

  /** The plan as its editors see it: with its open proposal applied, if it has one. */
  public PlanDocument working(String plan) {
    return changes.working(plan);
  }

  public boolean controlled(String plan) {
    return changes.controlled(plan);
  }

  public Optional<Change> openChange(String plan) {
    return changes.open(plan);
  }

  public PlanSummary create(Header header) {
    valid(header);
    return tx.executeWrite(s -> plans.create(header));
  }

  public Optional<Change> saveHeader(String plan, Header header, boolean admin) {
    valid(header);
    return proposal(changes.write(plan, () -> plans.update(plan, header, admin)));
  }

  public Optional<Change> saveAxis(String plan, @Nullable String axis, AxisDoc doc) {
    valid(doc);
    return proposal(changes.write(plan, () -> parts.saveAxis(plan, axis, doc)));
  }

  public Optional<Change> deleteAxis(String plan, String axis) {
    return proposal(changes.write(plan, () -> parts.deleteAxis(plan, axis)));
  }

  public Optional<Change> moveAxis(String plan, String axis, int by) {
    return proposal(changes.write(plan, () -> parts.moveAxis(plan, axis, by)));
  }

  public Optional<Change> deleteCard(String plan, String card) {
    return proposal(changes.write(plan, () -> parts.deleteCard(plan, card)));
  }

  /**
   * Saves a priority project (new when {@code project} is null); like a card, refused when it
   * changed since the editor read it as {@code base}.
   */
  public Optional<Change> saveProject(
      String plan, @Nullable String project, ProjectDoc doc, @Nullable String base) {
    valid(doc);
    if (project != null && base != null) {
      ProjectDoc current = project(plan, project).orElse(null);
      if (current == null || !lock(current).equals(base)) {
        throw ApiException.conflict("base", "projectEditedMeanwhile", project);
      }
    }
    return proposal(changes.write(plan, () -> parts.saveProject(plan, project, doc)));
  }

  public Optional<Change> deleteProject(String plan, String project) {
    return proposal(changes.write(plan, () -> parts.deleteProject(plan, project)));
  }

  /** A priority project of the working plan. */
  public Optional<ProjectDoc> project(String plan, String project) {
    return working(plan).projects().stream().filter(p -> p.code().equals(project)).findFirst();
  }

  /**
   * Saves a card (new when {@code card} is null, into {@code axis}). {@code base} is the card as
   * the editor read it ({@link #lock}); if the card has changed since, nothing is saved and the
   * conflict names what the other person changed ({@link #changedSince}).
   */
  public Optional<Change> saveCard(
      String plan,
      @Nullable String axis,
      @Nullable String card,
      ActionCardDoc doc,
      @Nullable String base) {
    valid(doc);
    if (card != null && base != null) {
      ActionCardDoc current = card(plan, card).orElse(null);
      if (current == null || !lock(current).equals(base)) {
        throw ApiException.conflict("base", "editedMeanwhile", card);
      }
    }
    return proposal(changes.write(plan, () -> parts.saveCard(plan, axis, card, doc)));
  }

  /** A card of the working plan, and the axis that holds it. */
  public Optional<ActionCardDoc> card(String plan, String card) {
    return working(plan).axes().stream()
        .flatMap(a -> a.actionCards().stream())
        .filter(c -> c.code().equals(card))
        .findFirst();
  }

  public Optional<String> axisOf(String plan, String card) {
    return working(plan).axes().stream()
        .filter(a -> a.actionCards().stream().anyMatch(c -> c.code().equals(card)))
        .map(AxisDoc::code)
        .findFirst();
  }

  /**
   * A part (a card, an indicator) as read, written field by field: the form carries it back with
   * the save.
   */
  public static String lock(Record card) {
    StringBuilder out = new StringBuilder();
    PlanDiff.flattenRecord(card)
        .forEach(
            (k, v) ->
                out.append(k).append('\u001f').append(v.replace("\u001e", " ")).append('\u001e'));
    return java.util.Base64.getUrlEncoder()
        .encodeToString(out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** What changed in a part since the editor read it ({@code base} as {@link #lock} wrote it). */
  public static List<Difference> changedSince(String base, Record current) {
    Map<String, String> before = new HashMap<>();
    String text;
    try {
      text =
          new String(
              java.util.Base64.getUrlDecoder().decode(base),
              java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      text = "";
    }
    for (String line : text.split("\u001e")) {
      int cut = line.indexOf('\u001f');
      if (cut > 0) {
        before.put(line.substring(0, cut), line.substring(cut + 1));
      }
    }
    return PlanDiff.between(before, PlanDiff.flattenRecord(current));
  }

  private static Optional<Change> proposal(Outcome<?> outcome) {
    return Optional.ofNullable(outcome.proposed());
  }

  /** The API's bean checks alone, for a form that has other problems of its own. */
  public void check(Object bean) {
    valid(bean);
  }

  private void valid(Object bean) {
    var violations = validator.validate(bean);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
  }
}
