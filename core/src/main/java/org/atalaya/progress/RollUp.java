package org.atalaya.progress;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Progress of an action card, an axis or a plan, summarised from its children by the rule named in
 * {@code rule} (see {@link RollUps}).
 *
 * @param achievement null when no child has both data and a target
 * @param assessedChildren how many children entered the achievement mean
 * @param children how many direct children are in each status, every status listed
 * @param cells how many indicator cells below this level are in each status, every status listed,
 *     so that cells without data stay visible at the plan level
 */
public record RollUp(
    String rule,
    ProgressStatus status,
    Double achievement,
    int assessedChildren,
    Map<ProgressStatus, Integer> children,
    Map<ProgressStatus, Integer> cells) {
  public RollUp {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(status, "status");
    children = complete(children);
    cells = complete(cells);
  }

  /** In enum order with zeros filled in, so that a display lists every status. */
  private static Map<ProgressStatus, Integer> complete(Map<ProgressStatus, Integer> counts) {
    EnumMap<ProgressStatus, Integer> all = new EnumMap<>(ProgressStatus.class);
    for (ProgressStatus s : ProgressStatus.values()) {
      all.put(s, counts.getOrDefault(s, 0));
    }
    return Collections.unmodifiableMap(all);
  }
}
