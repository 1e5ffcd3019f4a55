package org.atalaya.web.place;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import org.atalaya.progress.ProgressStatus;
import org.atalaya.web.chart.ChartBlock;
import org.atalaya.web.indicator.IndicatorView;

/**
 * A corregimiento's page: every indicator of the plans in force that has data for it, each figure
 * already written in the page's language.
 *
 * @param query the page's filters, for links to an indicator's page for this place
 */
public record PlaceView(
    String code,
    String name,
    @Nullable String parent,
    String asOf,
    String query,
    IndicatorView.FilterForm filters,
    List<PlanBlock> plans,
    @Nullable ChartBlock panels,
    @Nullable MapBlock map) {

  public PlaceView {
    plans = List.copyOf(plans);
  }

  public PlaceView(
      String code,
      String name,
      @Nullable String parent,
      String asOf,
      String query,
      IndicatorView.FilterForm filters,
      List<PlanBlock> plans,
      @Nullable ChartBlock panels) {
    this(code, name, parent, asOf, query, filters, plans, panels, null);
  }

  /** The same page with its map. */
  public PlaceView withMap(@Nullable MapBlock map) {
    return new PlaceView(code, name, parent, asOf, query, filters, plans, panels, map);
  }

  /** The place's map, and the name of the unit it outlines (the place or its corregimiento). */
  public record MapBlock(ChartBlock chart, String outlined) {}

  public boolean empty() {
    return plans.stream().allMatch(p -> p.rows().isEmpty());
  }

  public record PlanBlock(String code, String name, List<Row> rows) {
    public PlanBlock {
      rows = List.copyOf(rows);
    }
  }

  /**
   * @param change the latest value less the baseline, signed; "—" without a baseline
   */
  public record Row(
      String code,
      String name,
      String axis,
      String unit,
      ProgressStatus status,
      @Nullable String statusNote,
      String latest,
      String target,
      String change) {}
}
