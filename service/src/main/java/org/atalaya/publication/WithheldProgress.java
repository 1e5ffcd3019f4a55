package org.atalaya.publication;

import org.atalaya.progress.CellProgress;
import org.atalaya.progress.Forecast;
import org.atalaya.progress.ProgressStatus;

/**
 * What progress a figure people may not read still shows: a withheld cell keeps its target and
 * loses its value and assessment; a roll-up counts nothing confident from a handful of cases.
 */
final class WithheldProgress {
  private WithheldProgress() {}

  /** What a roll-up may count of a cell: nothing confident from a handful of cases. */
  static CellProgress judged(Publication.Cell c) {
    return c.smallNumbers() ? of(c.progress()) : c.progress();
  }

  /** The progress of a withheld cell: its target stays, its value and assessment go. */
  static CellProgress of(CellProgress p) {
    return new CellProgress(
        p.asOf(),
        p.target() == null ? ProgressStatus.NO_TARGET : ProgressStatus.NO_DATA,
        p.baseline(),
        null,
        p.target(),
        p.expectedValue(),
        null,
        p.expectedAchievement(),
        Forecast.none(Forecast.Outcome.TOO_FEW_POINTS));
  }

  /**
   * The progress of a cell whose baseline is withheld and whose target is derived from it: the
   * baseline, the target and all that is measured against them go; the latest value stays.
   */
  static CellProgress withoutBaseline(CellProgress p) {
    return new CellProgress(
        p.asOf(),
        ProgressStatus.NO_TARGET,
        null,
        p.latest(),
        null,
        null,
        null,
        null,
        Forecast.none(Forecast.Outcome.NO_TARGET));
  }
}
