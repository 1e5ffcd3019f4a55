package org.atalaya.progress;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.atalaya.indicator.Sex;

/**
 * Progress for other features in the same process (the accountability report): the same answers as
 * the progress API, as typed records rather than the API's loosely typed tree.
 */
@Singleton
public class ProgressFacade {
  private final ProgressService progress;

  ProgressFacade(ProgressService progress) {
    this.progress = progress;
  }

  /** One indicator cell, as {@code /api/progress/indicators/{code}} answers it. */
  public record IndicatorCell(
      String code,
      String name,
      String unit,
      Sex sex,
      String territory,
      String source,
      CellProgress progress) {}

  /** A plan, axis or action card with its roll-up; a card's children are its indicators. */
  public record Level(
      String level,
      String code,
      String name,
      RollUp progress,
      List<Level> children,
      List<IndicatorCell> indicators) {}

  public Level plan(String plan, LocalDate asOf, Sex sex, @Nullable String territory)
      throws SQLException {
    return level(progress.plan(plan, asOf, sex, territory));
  }

  public IndicatorCell indicator(String code, LocalDate asOf, Sex sex, @Nullable String territory)
      throws SQLException {
    return cell(progress.indicator(code, asOf, sex, territory));
  }

  private static Level level(ProgressService.LevelProgress l) {
    List<Level> levels =
        l.children().stream()
            .filter(ProgressService.LevelProgress.class::isInstance)
            .map(c -> level((ProgressService.LevelProgress) c))
            .toList();
    List<IndicatorCell> cells =
        l.children().stream()
            .filter(ProgressService.IndicatorProgress.class::isInstance)
            .map(c -> cell((ProgressService.IndicatorProgress) c))
            .toList();
    return new Level(l.level(), l.code(), l.name(), l.progress(), levels, cells);
  }

  private static IndicatorCell cell(ProgressService.IndicatorProgress p) {
    return new IndicatorCell(
        p.indicator(), p.name(), p.unit(), p.sex(), p.territory(), p.source(), p.progress());
  }
}
