package org.atalaya.progress;

import java.util.function.Function;

/**
 * A node of the progress tree: a level (plan, axis, action card) whose children are nodes, or an
 * indicator's cell, a leaf. Sealed, and each kind answers its own case of {@link #match}, so a
 * reader of the tree handles both kinds or does not compile (Java 17 has no pattern switch).
 */
sealed interface ProgressNode
    permits ProgressService.LevelProgress, ProgressService.IndicatorProgress {
  <R> R match(
      Function<ProgressService.LevelProgress, R> level,
      Function<ProgressService.IndicatorProgress, R> indicator);
}
