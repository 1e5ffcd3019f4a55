package org.atalaya.progress;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Action card ← its indicator cells, axis ← its cards, plan ← its axes, all by one rule ({@link
 * #RULE}):
 *
 * <ul>
 *   <li>achievement: the mean, with equal weights, over the children that have data and a target,
 *       of each child's achievement clamped to [0, 1], so that overshooting one indicator does not
 *       hide another that went backwards;
 *   <li>status: the worst among those children (OFF_TRACK, then AT_RISK, ON_TRACK, ACHIEVED). When
 *       none has been assessed the level is NO_TARGET if every child lacks a target, otherwise
 *       NO_DATA (also for a level with no children);
 *   <li>counts: how many children, and how many cells below, are in each status. Children without
 *       data or target are counted there, never silently dropped.
 * </ul>
 */
public final class RollUps {
  public static final String RULE = "equal-weight-mean-of-clamped-achievement/worst-status";

  private RollUps() {}

  private record Child(
      ProgressStatus status, Double achievement, Map<ProgressStatus, Integer> cells) {}

  public static RollUp card(List<CellProgress> indicators) {
    return roll(
        indicators.stream()
            .map(c -> new Child(c.status(), c.achievement(), Map.of(c.status(), 1)))
            .toList());
  }

  public static RollUp axis(List<RollUp> cards) {
    return ofLevels(cards);
  }

  public static RollUp plan(List<RollUp> axes) {
    return ofLevels(axes);
  }

  private static RollUp ofLevels(List<RollUp> levels) {
    return roll(
        levels.stream().map(l -> new Child(l.status(), l.achievement(), l.cells())).toList());
  }

  private static RollUp roll(List<Child> children) {
    Map<ProgressStatus, Integer> childCounts = new EnumMap<>(ProgressStatus.class);
    Map<ProgressStatus, Integer> cellCounts = new EnumMap<>(ProgressStatus.class);
    double sum = 0;
    int assessed = 0;
    for (Child c : children) {
      childCounts.merge(c.status(), 1, Integer::sum);
      c.cells().forEach((status, n) -> cellCounts.merge(status, n, Integer::sum));
      if (c.status().assessed() && c.achievement() != null) {
        sum += clamped(c.achievement());
        assessed++;
      }
    }
    ProgressStatus status =
        children.stream()
            .map(Child::status)
            .filter(ProgressStatus::assessed)
            .max(Comparator.comparingInt(ProgressStatus::severity))
            .orElseGet(() -> unassessed(children));
    Double achievement = assessed == 0 ? null : sum / assessed;
    return new RollUp(RULE, status, achievement, assessed, childCounts, cellCounts);
  }

  /**
   * An achievement as the roll-ups count it, and as every page shows it ("logro"): between 0 and 1,
   * so a figure moving away from its target reads 0 %, not a negative share.
   */
  public static Double clamped(Double achievement) {
    return achievement == null ? null : Math.min(Math.max(achievement, 0), 1);
  }

  private static ProgressStatus unassessed(List<Child> children) {
    boolean allWithoutTarget =
        !children.isEmpty()
            && children.stream().allMatch(c -> c.status() == ProgressStatus.NO_TARGET);
    return allWithoutTarget ? ProgressStatus.NO_TARGET : ProgressStatus.NO_DATA;
  }
}
