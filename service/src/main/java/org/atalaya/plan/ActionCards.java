package org.atalaya.plan;

import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How other features refer to an action card: by plan code and card code. */
@Singleton
public class ActionCards {
  private final PlanRepository plans;
  private final ActionCardRepository cards;

  ActionCards(PlanRepository plans, ActionCardRepository cards) {
    this.plans = plans;
    this.cards = cards;
  }

  public record Ref(String plan, String code) {}

  public Optional<Long> id(String planCode, String cardCode) {
    return plans
        .findByCode(planCode)
        .flatMap(p -> cards.findByPlanIdAndCode(p.id(), cardCode))
        .map(ActionCard::id);
  }

  /**
   * Refuses a write to what hangs on a published plan (its indicators, their targets) outside the
   * change control of {@link PlanChanges}; an unknown plan is left to the caller's own checks.
   */
  public void requireChangeable(String planCode) {
    plans.findByCode(planCode).ifPresent(PlanService::refuseIfPublished);
  }

  public Optional<Ref> ref(Long cardId) {
    return Optional.ofNullable(refs(List.of(cardId)).get(cardId));
  }

  /** The given cards by id, named by plan and card code, in one query whatever their number. */
  public Map<Long, Ref> refs(Collection<Long> cardIds) {
    Map<Long, Ref> found = new HashMap<>();
    if (!cardIds.isEmpty()) {
      cards.refs(cardIds).forEach(r -> found.put(r.cardId(), new Ref(r.plan(), r.code())));
    }
    return found;
  }
}
