package org.atalaya.web.survey;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import org.atalaya.web.chart.ChartBlock;
import org.atalaya.web.indicator.IndicatorView.Option;

/** The survey pages' models, every figure already written in the page's language. */
public final class SurveyView {
  private SurveyView() {}

  public record ListPage(List<SurveyRow> surveys) {}

  public record SurveyRow(
      String code, String name, @Nullable String universe, List<WaveRow> waves) {}

  public record WaveRow(String code, String name, String period, boolean published) {}

  /**
   * One wave's estimates of one question, by sex and by territory.
   *
   * @param published false for a wave only staff may see (marked on the page)
   * @param problem why there are no estimates (a wave without data), null when there are
   * @param weight which design weight the estimates use and why, empty when there are none
   * @param notice what the visitor just did to the wave (validated, published), null otherwise
   */
  public record Results(
      String code,
      String name,
      @Nullable String universe,
      List<Option> waves,
      String wave,
      String waveName,
      String period,
      boolean published,
      List<Option> items,
      String item,
      String itemLabel,
      String source,
      String asOf,
      String mark,
      String weight,
      List<Block> blocks,
      @Nullable String problem,
      @Nullable String notice,
      @Nullable MapPanel map) {}

  /**
   * The question's estimate by corregimiento for one sex: the map (null when the corregimientos
   * have no outlines) and the estimates it colours, row for row as the estimates API gives them.
   *
   * @param sex the sex shown (_T, F or M), chosen in the panel's own form
   */
  public record MapPanel(@Nullable ChartBlock chart, List<Row> rows, String sex, String caption) {}

  /** A chart (null when nothing can be drawn) and, beside it, every cell with its reliability. */
  public record Block(String title, @Nullable ChartBlock chart, List<Row> rows) {}

  /**
   * @param flag RELIABLE, WEAKLY_RELIABLE or SUPPRESSED: the mark and the style of the row
   * @param reliability the flag in words, with the reason when there is no interval
   */
  public record Row(
      String label,
      String estimate,
      String interval,
      String cv,
      String n,
      String flag,
      String reliability) {}
}
