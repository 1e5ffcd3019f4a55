package org.atalaya.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.atalaya.indicator.Sex;
import org.atalaya.shared.DataVersion;
import org.atalaya.shared.PerVersion;

/**
 * Progress for other features in the same process (the accountability report): the same answers as
 * the progress API, as typed records rather than the API's loosely typed tree.
 */
@Singleton
public class ProgressFacade {
  /** Whole-plan answers kept at most; beyond, the cache starts afresh. */
  public static final int MAX_PLANS = 500;

  /** Indicator cells kept at most (a map asks one per corregimiento); beyond, afresh. */
  public static final int MAX_CELLS = 5_000;

  private record PlanKey(
      String plan, LocalDate asOf, Sex sex, @Nullable String territory, boolean provisional) {}

  private record CellKey(
      String code, LocalDate asOf, Sex sex, @Nullable String territory, boolean provisional) {}

  private final ProgressService progress;
  private final TransactionOperations<Connection> transactions;
  private final PerVersion<PlanKey, Level> plans;
  private final PerVersion<CellKey, IndicatorCell> cells;

  ProgressFacade(
      ProgressService progress,
      DataVersion versions,
      TransactionOperations<Connection> transactions) {
    this.progress = progress;
    this.plans = new PerVersion<>(versions, MAX_PLANS);
    this.cells = new PerVersion<>(versions, MAX_CELLS);
    this.transactions = transactions;
  }

  /** One indicator cell, as {@code /api/progress/indicators/{code}} answers it. */
  public record IndicatorCell(
      String code,
      String name,
      String unit,
      Sex sex,
      String territory,
      String source,
      org.atalaya.indicator.IndicatorKind kind,
      boolean wholeDistrict,
      boolean derivedTarget,
      boolean latestProvisional,
      @Nullable Double latestNumerator,
      @Nullable LocalDate baselineAfterAsOf,
      CellProgress progress) {}

  /** A plan, axis or action card with its roll-up; a card's children are its indicators. */
  public record Level(
      String level,
      String code,
      String name,
      RollUp progress,
      List<Level> children,
      List<IndicatorCell> indicators) {}

  /**
   * A whole plan's progress, kept until the data changes ({@link DataVersion}) — every page of a
   * plan asks for it. Inside a transaction it is always computed afresh: that transaction may see
   * its own writes, which nobody else may see yet.
   */
  public Level plan(String plan, LocalDate asOf, Sex sex, @Nullable String territory)
      throws SQLException {
    return plan(plan, asOf, sex, territory, true);
  }

  /**
   * @param provisional whether figures not yet validated count (signed-in readers), or only
   *     validated ones (the public)
   */
  public Level plan(
      String plan, LocalDate asOf, Sex sex, @Nullable String territory, boolean provisional)
      throws SQLException {
    if (transactions.findTransactionStatus().isPresent()) {
      return level(
          progress.plan(plan, asOf, sex, territory, ProgressService.Reading.pages(provisional)));
    }
    // Computed once per data version, however many pages ask at once after a change.
    return plans.get(
        new PlanKey(plan, asOf, sex, territory, provisional),
        () ->
            level(
                progress.plan(
                    plan, asOf, sex, territory, ProgressService.Reading.pages(provisional))));
  }

  /** Whether the caller runs inside a transaction (whose answers must not be kept). */
  public boolean inTransaction() {
    return transactions.findTransactionStatus().isPresent();
  }

  /**
   * One indicator cell, kept like a plan until the data changes: a plan's map asks for every
   * corregimiento's cell on each signed-in view.
   */
  public IndicatorCell indicator(
      String code, LocalDate asOf, Sex sex, @Nullable String territory, boolean provisional)
      throws SQLException {
    if (transactions.findTransactionStatus().isPresent()) {
      return fresh(code, asOf, sex, territory, provisional);
    }
    return cells.get(
        new CellKey(code, asOf, sex, territory, provisional),
        () -> fresh(code, asOf, sex, territory, provisional));
  }

  private IndicatorCell fresh(
      String code, LocalDate asOf, Sex sex, @Nullable String territory, boolean provisional)
      throws SQLException {
    return cell(
        progress.indicator(code, asOf, sex, territory, ProgressService.Reading.pages(provisional)));
  }

  private static Level level(ProgressService.LevelProgress l) {
    List<Level> levels = new ArrayList<>();
    List<IndicatorCell> cells = new ArrayList<>();
    for (ProgressNode child : l.children()) {
      child.match(level -> levels.add(level(level)), indicator -> cells.add(cell(indicator)));
    }
    return new Level(
        l.level(), l.code(), l.name(), l.progress(), List.copyOf(levels), List.copyOf(cells));
  }

  private static IndicatorCell cell(ProgressService.IndicatorProgress p) {
    return new IndicatorCell(
        p.indicator(),
        p.name(),
        p.unit(),
        p.sex(),
        p.territory(),
        p.source(),
        p.kind(),
        p.wholeDistrict(),
        p.derivedTarget(),
        p.latestProvisional(),
        p.latestNumerator(),
        p.baselineAfterAsOf(),
        p.progress());
  }
}
