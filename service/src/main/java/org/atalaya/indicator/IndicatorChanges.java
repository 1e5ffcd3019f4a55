package org.atalaya.indicator;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.atalaya.indicator.IndicatorDoc.TargetDoc;
import org.atalaya.indicator.IndicatorPlanPart.Entry;
import org.atalaya.plan.ActionCards;
import org.atalaya.plan.PlanChanges;
import org.atalaya.plan.PlanChanges.Change;
import org.atalaya.plan.PlanChanges.Outcome;
import org.atalaya.plan.PlanDocument;
import org.atalaya.shared.ApiException;

/**
 * Writes to an indicator or its targets, API and pages alike: at once for an indicator of a draft
 * plan (or of none); for one of a published plan, part of the plan's open proposal, applied when
 * the committee or an administrator approves it. Editors read an indicator as it is proposed.
 */
@Singleton
public class IndicatorChanges {
  private final IndicatorService indicators;
  private final TargetService targets;
  private final IndicatorPlanPart part;
  private final PlanChanges changes;
  private final ActionCards cards;

  IndicatorChanges(
      IndicatorService indicators,
      TargetService targets,
      IndicatorPlanPart part,
      PlanChanges changes,
      ActionCards cards) {
    this.indicators = indicators;
    this.targets = targets;
    this.part = part;
    this.changes = changes;
    this.cards = cards;
  }

  /**
   * An indicator as its editors work on it: as the open proposal of its plan has it, if that
   * proposal changes it ({@code pending}), else as it is.
   */
  public record Working(
      IndicatorDoc indicator,
      List<TargetDoc> targets,
      @Nullable String plan,
      @Nullable Change pending,
      boolean proposedOnly) {}

  public Optional<Working> working(String code) {
    Optional<IndicatorDoc> live = indicators.find(code);
    if (live.isPresent()) {
      IndicatorDoc doc = live.get();
      String plan = doc.actionCard() == null ? null : doc.actionCard().plan();
      Optional<Change> open = plan == null ? Optional.empty() : changes.open(plan);
      if (open.isPresent() && touches(open.get(), code)) {
        Optional<Entry> proposed = proposed(changes.working(plan), code);
        if (proposed.isPresent()) {
          Entry e = proposed.get();
          return Optional.of(new Working(e.indicator(), e.targets(), plan, open.get(), false));
        }
      }
      return Optional.of(
          new Working(
              doc,
              targets.targets(code),
              plan,
              open.filter(c -> touches(c, code)).orElse(null),
              false));
    }
    for (Change c : changes.openChanges()) {
      Optional<Entry> proposed = proposed(changes.working(c.plan()), code);
      if (proposed.isPresent()) {
        Entry e = proposed.get();
        return Optional.of(new Working(e.indicator(), e.targets(), c.plan(), c, true));
      }
    }
    return Optional.empty();
  }

  /** As {@link #working}, or "not found". */
  public Working require(String code) {
    return working(code).orElseThrow(() -> ApiException.notFound("indicator", code));
  }

  public Outcome<IndicatorDoc> save(@Nullable String code, IndicatorDoc doc) {
    String plan = code == null ? planOf(doc) : require(code).plan();
    return write(plan, () -> indicators.save(code, doc));
  }

  public Outcome<Void> delete(String code) {
    return write(
        require(code).plan(),
        () -> {
          indicators.delete(code);
          return null;
        });
  }

  public Outcome<List<TargetDoc>> saveTargets(String code, List<TargetDoc> docs) {
    return write(require(code).plan(), () -> targets.saveTargets(code, docs));
  }

  private <T> Outcome<T> write(@Nullable String plan, Supplier<T> write) {
    if (plan == null) {
      return new Outcome<>(write.get(), null);
    }
    return changes.write(plan, write);
  }

  /** The plan of a new indicator's card; none when the card is unknown (the save says so). */
  private String planOf(IndicatorDoc doc) {
    var ref = doc.actionCard();
    return ref != null && cards.id(ref.plan(), ref.code()).isPresent() ? ref.plan() : null;
  }

  private static boolean touches(Change change, String code) {
    String prefix = "indicators[" + code + "]";
    return change.differences().stream()
        .anyMatch(
            d ->
                d.field().startsWith(prefix)
                    || (d.field().equals("indicators[*]")
                        && (contains(d.before(), code) != contains(d.after(), code))));
  }

  private static boolean contains(@Nullable String list, String code) {
    return list != null && List.of(list.split(", ")).contains(code);
  }

  private Optional<Entry> proposed(PlanDocument doc, String code) {
    if (doc.indicators() == null) {
      return Optional.empty();
    }
    for (int i = 0; i < doc.indicators().size(); i++) {
      Map<String, Object> tree = doc.indicators().get(i);
      if (code.equals(IndicatorPlanPart.code(tree))) {
        return Optional.of(part.entry(tree, "indicators[" + i + "]"));
      }
    }
    return Optional.empty();
  }
}
