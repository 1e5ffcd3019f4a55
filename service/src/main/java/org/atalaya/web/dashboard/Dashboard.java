package org.atalaya.web.dashboard;

import java.util.List;
import java.util.Objects;

/**
 * One page's panels, as a {@code dashboards/*.yml} file describes them: which chart, of which
 * indicators ({@code "*"}: the page's own), broken down how.
 */
public record Dashboard(String page, List<Panel> panels) {
  public Dashboard {
    Objects.requireNonNull(page, "page");
    panels = List.copyOf(panels);
  }

  public enum Chart {
    TRAJECTORY,
    SEX,
    TERRITORIES,
    MAP,
    SMALL_MULTIPLES,
    ESTIMATES
  }

  public enum Breakdown {
    NONE,
    SEX,
    TERRITORY
  }

  public record Panel(Chart chart, List<String> indicators, Breakdown breakdown) {
    public Panel {
      Objects.requireNonNull(chart, "chart");
      indicators =
          indicators == null || indicators.isEmpty() ? List.of("*") : List.copyOf(indicators);
      breakdown = breakdown == null ? Breakdown.NONE : breakdown;
    }
  }
}
