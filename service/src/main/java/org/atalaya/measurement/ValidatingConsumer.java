package org.atalaya.measurement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.CellLimits;

/**
 * An upload's rows as they stream in: each one checked by {@link RowValidator} (cells too long or
 * holding a NUL byte refused first), the good ones handed to the sink that copies them, and what
 * was handed counted in {@link Staged}; problems go to the {@link ProblemCollector}.
 */
final class ValidatingConsumer implements RowSource.RowConsumer {
  private final String file;
  private final Catalog catalog;
  private final RowSink sink;
  private final ProblemCollector collector;
  private final LocalDate today;
  private RowValidator validator;
  private List<String> header;
  final Staged staged = new Staged();

  ValidatingConsumer(
      String file, Catalog catalog, RowSink sink, ProblemCollector collector, LocalDate today) {
    this.file = file;
    this.catalog = catalog;
    this.sink = sink;
    this.collector = collector;
    this.today = today;
  }

  @Override
  public void header(List<String> cells) {
    Columns.Layout layout = Columns.layout(cells);
    if (cells.size() == 1 && cells.get(0).matches(".*[\\t|].*")) {
      // One column holding the whole header: the file is separated by tabs or bars.
      throw ApiException.invalid(file + ":1", "delimiter");
    }
    if (!layout.missing().isEmpty()) {
      throw ApiException.invalid(
          layout.missing().stream()
              .map(
                  c ->
                      new ApiException.FieldError(
                          file + ":1:" + c.spanish, "missingColumn", c.spanish, c.english))
              .toList());
    }
    if (!layout.duplicated().isEmpty()) {
      throw ApiException.invalid(
          layout.duplicated().stream()
              .map(c -> new ApiException.FieldError(file + ":1:" + c, "duplicateColumn", c))
              .toList());
    }
    header = List.copyOf(cells);
    validator = new RowValidator(catalog, layout, today);
    for (String unknown : layout.unknown()) {
      collector.warning(RowProblem.of(1, unknown, unknown, "unknownColumn"));
    }
  }

  private boolean readable(long number, List<String> cells) {
    return readableCells(number, header, cells, collector);
  }

  @Override
  public void row(long number, List<String> cells) {
    collector.rows++;
    if (!readable(number, cells)) {
      collector.rejectedRows++;
      return;
    }
    boolean[] bad = {false};
    var staged =
        validator.check(
            number,
            cells,
            problem -> {
              bad[0] = true;
              collector.error(problem);
            });
    if (bad[0]) {
      collector.rejectedRows++;
      return;
    }
    StagedRow row = staged.orElseThrow();
    this.staged.add(row);
    try {
      sink.add(row);
    } catch (SQLException e) {
      throw new IllegalStateException("COPY of the checked rows failed at row " + number, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A cell too long to be a measurement, or holding a NUL byte (which PostgreSQL cannot store), is
   * refused with its row and column before any rule reads it: cheap, whatever the cell holds.
   */
  private static boolean readableCells(
      long number, List<String> header, List<String> cells, ProblemCollector collector) {
    boolean ok = true;
    for (int i = 0; i < cells.size(); i++) {
      String rule = CellLimits.broken(cells.get(i));
      if (rule != null) {
        String column = i < header.size() ? header.get(i).trim() : Integer.toString(i + 1);
        collector.error(RowProblem.of(number, column, cells.get(i), rule, CellLimits.MAX_CELL));
        ok = false;
      }
    }
    return ok;
  }

  /**
   * What the staged rows hold, counted as they stream in, so that SQL need not read the whole
   * staging table again to learn it.
   */
  static final class Staged {
    long rows;
    long validated;
    long firstValidated;
    private long lastIndicator = -1;
    final java.util.SortedSet<Long> indicators = new java.util.TreeSet<>();

    void add(StagedRow row) {
      rows++;
      if (row.indicatorId() != lastIndicator) { // files come grouped by indicator, mostly
        lastIndicator = row.indicatorId();
        indicators.add(lastIndicator);
      }
      if (!row.status().equals("PROVISIONAL")) {
        firstValidated = validated++ == 0 ? row.row() : Math.min(firstValidated, row.row());
      }
    }
  }
}
