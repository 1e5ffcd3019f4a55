package org.atalaya.plan;

import java.util.List;
import java.util.Map;

/**
 * A feature whose rows hang on a plan and belong to its document, under the same change control as
 * the plan itself: today the plan's indicators and their targets ({@code indicators} in the
 * document). The plan feature does not know their shape: it asks the participant for its part (a
 * tree of maps, lists and plain values, in a fixed order) when it writes a plan's document, and
 * hands the part back when a document is imported or a proposal approved. So the dependency runs
 * from the participant to the plan, never back.
 */
public interface PlanPart {
  /** The plan's part, one entry per element, each carrying a {@code code}. */
  List<Map<String, Object>> read(String planCode);

  /**
   * Makes the plan's part what the entries say, inside the caller's transaction, with every rule a
   * write of its own has. A published plan's part changes only inside the change sandbox.
   */
  void replace(String planCode, List<Map<String, Object>> entries);
}
