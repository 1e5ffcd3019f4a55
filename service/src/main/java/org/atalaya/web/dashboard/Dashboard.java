package org.atalaya.web.dashboard;

import java.util.List;
import java.util.Optional;

/**
 * One page's panels, in the order a {@code dashboards/*.yml} file lists them. A page shows these
 * panels and no others; {@code choices} are a panel's chosen filters, charts or breakdowns.
 */
public record Dashboard(PageKind page, List<Panel> panels) {
  public Dashboard {
    panels = List.copyOf(panels);
  }

  public record Panel(String kind, List<String> choices) {
    public Panel {
      choices = List.copyOf(choices);
    }

    /** For templates: whether this panel chose a value (a filter, a chart, a breakdown). */
    public boolean shows(String choice) {
      return choices.contains(choice);
    }
  }

  public Optional<Panel> panel(String kind) {
    return panels.stream().filter(p -> p.kind().equals(kind)).findFirst();
  }

  /** A panel's choices, in the file's order; none when the page does not show the panel. */
  public List<String> choices(String kind) {
    return panel(kind).map(Panel::choices).orElse(List.of());
  }
}
