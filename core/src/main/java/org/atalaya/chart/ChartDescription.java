package org.atalaya.chart;

import java.util.List;

/**
 * What a page puts beside a chart for people who cannot see it: a short sentence for the image's
 * alternative text, and the chart's data as a table, formatted as on the chart.
 */
public record ChartDescription(String altText, List<String> header, List<List<String>> rows) {
  public ChartDescription {
    header = List.copyOf(header);
    rows = rows.stream().map(List::copyOf).toList();
    for (List<String> row : rows) {
      if (row.size() != header.size()) {
        throw new IllegalArgumentException("every row has one cell per column");
      }
    }
  }
}
