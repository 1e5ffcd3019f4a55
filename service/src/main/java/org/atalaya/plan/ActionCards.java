package org.atalaya.plan;

import jakarta.inject.Singleton;
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
    return cards
        .findById(cardId)
        .flatMap(c -> plans.findById(c.planId()).map(p -> new Ref(p.code(), c.code())));
  }
}
