package org.atalaya.measurement;

import io.micronaut.context.annotation.Value;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.atalaya.audit.AuditLog;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.CellLimits;
import org.atalaya.shared.UploadSpool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads measurements without losing any: rows are checked one by one as they stream in, the good
 * ones go to a staging table with PostgreSQL's COPY, what needs the whole file (duplicates, parts
 * against totals) is checked in SQL, and the merge — new values, revisions with their history,
 * unchanged values left alone — happens in the same transaction. Any failure, a dry run, or a bad
 * row when all-or-nothing was asked, rolls everything back.
 */
@Singleton
class MeasurementIngestion {
  static final int MAX_LISTED = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(MeasurementIngestion.class);

  private final TransactionOperations<Connection> tx;
  private final CatalogLoader catalogs;
  private final MeasurementStore sql;
  private final AuditLog audit;
  private final RollupRefresh rollups;
  private final UploadSpool spool;
  private final boolean straightCopy;
  private final Clock clock;

  MeasurementIngestion(
      TransactionOperations<Connection> tx,
      CatalogLoader catalogs,
      MeasurementStore sql,
      AuditLog audit,
      RollupRefresh rollups,
      UploadSpool spool,
      @Value("${atalaya.upload.straight-copy:true}") boolean straightCopy,
      Clock clock) {
    this.tx = tx;
    this.catalogs = catalogs;
    this.sql = sql;
    this.audit = audit;
    this.rollups = rollups;
    this.spool = spool;
    this.straightCopy = straightCopy;
    this.clock = clock;
  }

  /**
   * @param trusted an in-process load (the demonstration, a published survey wave) whose status
   *     column is kept; any other upload stores provisional figures, whatever its column says
   */
  record Options(boolean dryRun, boolean keepValid, String reason, String user, boolean trusted) {
    Options(boolean dryRun, boolean keepValid, String reason, String user) {
      this(dryRun, keepValid, reason, user, false);
    }
  }

  UploadReport ingest(String file, String sheet, RowSource source, Options options)
      throws IOException {
    try {
      UploadReport report = transaction(file, sheet, source, options);
      if (report.committed()) {
        rollups.afterCommit();
      }
      return report;
    } catch (UncheckedIOException e) {
      throw e.getCause(); // the upload's own stream failed (cut short, or past the size limit)
    }
  }

  private UploadReport transaction(String file, String sheet, RowSource source, Options options) {
    return tx.execute(
        TransactionDefinition.DEFAULT,
        status -> {
          try {
            UploadReport report = run(status.getConnection(), file, sheet, source, options);
            if (!report.committed()) {
              status.setRollbackOnly();
            }
            return report;
          } catch (SQLException e) {
            throw new IllegalStateException("Upload of " + file + " failed", e);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private UploadReport run(
      Connection connection, String file, String sheet, RowSource source, Options options)
      throws SQLException, IOException {
    long start = System.nanoTime();
    Catalog catalog = catalogs.load();
    sql.createStaging(connection);
    var collector = new Collector();
    boolean withoutReason = options.reason() == null || options.reason().isBlank();
    Long[] known = catalog.indicators().values().stream().map(i -> i.id()).toArray(Long[]::new);
    long straight;
    boolean totals;
    Staged staged;
    try (var sink =
        new RowSink(
            connection,
            sql.storedIndicators(connection, known),
            withoutReason ? PublishedGuard.publishedPeriods(connection) : Set.of(),
            sql.territoryParents(connection),
            options.trusted(),
            options.user(),
            straightCopy ? spool.directory() : null)) {
      var consumer = new Consumer(file, catalog, sink, collector, LocalDate.now(clock));
      source.read(consumer);
      straight = sink.finish();
      staged = consumer.staged;
      totals = sink.totals();
      if (straight >= 0 && totals) {
        sql.analyzeStaging(connection);
      }
    }
    long read = System.nanoTime();
    Long[] indicators = staged.indicators.toArray(Long[]::new);
    long duplicates = 0;
    long published = 0;
    if (straight < 0) {
      sql.analyzeStaging(connection);
      List<RowProblem> listed = sql.duplicates(connection, MAX_LISTED);
      listed.forEach(collector::error);
      // Counting them all again is only needed when the list was cut short.
      duplicates = listed.size() < MAX_LISTED ? listed.size() : sql.countDuplicates(connection);
      collector.rejectedRows += duplicates;
    }
    if (!options.trusted() && staged.validated > 0) {
      collector.warning(
          straight < 0
              ? PublishedGuard.provisionalOnly(connection, staged.firstValidated, staged.validated)
              : PublishedGuard.provisionalWarning(staged.firstValidated, staged.validated));
    }
    if (straight < 0 && withoutReason && PublishedGuard.anyPublished(connection, indicators)) {
      List<RowProblem> refused = PublishedGuard.publishedWithoutReason(connection, MAX_LISTED);
      refused.forEach(collector::error);
      published =
          refused.size() < MAX_LISTED ? refused.size() : PublishedGuard.countPublished(connection);
      collector.rejectedRows += published;
    }
    if (collector.rows == 0) {
      collector.error(RowProblem.of(2, "", "", "noRows"));
    }
    // A dry run previews what the good rows would do even when bad ones would refuse the file.
    boolean refuse = collector.rejectedRows > 0 && !options.keepValid();
    boolean nothingToStore = collector.rows == collector.rejectedRows;
    if (nothingToStore || (refuse && !options.dryRun())) {
      return collector.report(file, sheet, options.dryRun(), false, 0, 0, 0);
    }
    if (duplicates > 0) {
      sql.dropDuplicates(connection);
    }
    if (published > 0) {
      PublishedGuard.dropPublished(connection);
    }
    sql.lockIndicators(connection, indicators);
    if (totals) { // no row is a total: no part to check against one
      sql.partsAgainstTotals(connection, MAX_LISTED).forEach(collector::warning);
    }
    long checked = System.nanoTime();
    long revised = 0;
    long inserted;
    long unchanged;
    if (straight >= 0) {
      inserted = straight; // every row a new cell, already in
      unchanged = 0;
    } else {
      // Under the locks, no other upload adds cells of these indicators: when none is stored
      // yet there is nothing to revise, and every staged row is new.
      boolean stored = sql.anyStored(connection, indicators);
      if (stored) {
        collector.revisions = sql.revisions(connection, MAX_LISTED);
        revised = sql.revise(connection, options.user(), options.reason());
      }
      inserted = sql.insertNew(connection, options.user(), stored);
      // Dropped rows may overlap (a repeated row that also changes a published figure).
      long kept = duplicates + published == 0 ? staged.rows : sql.countStaged(connection);
      unchanged = kept - revised - inserted;
    }
    LOG.info(
        "Upload {}: {} rows read and {} in {} ms, checked in {} ms, merged in {} ms",
        file,
        collector.rows,
        straight >= 0 ? "copied straight in" : "staged",
        (read - start) / 1_000_000,
        (checked - read) / 1_000_000,
        (System.nanoTime() - checked) / 1_000_000);
    boolean commit = !options.dryRun() && !refuse;
    UploadReport report =
        collector.report(file, sheet, options.dryRun(), commit, inserted, revised, unchanged);
    if (commit) {
      audit.imported(
          "measurement",
          file,
          Map.of(
              "rows",
              report.rows(),
              "inserted",
              inserted,
              "revised",
              revised,
              "unchanged",
              unchanged,
              "rejected",
              report.rejected()),
          options.reason());
    }
    return report;
  }

  /** Validates each row as it arrives and hands the good ones to the sink. */
  private static final class Consumer implements RowSource.RowConsumer {
    private final String file;
    private final Catalog catalog;
    private final RowSink sink;
    private final Collector collector;
    private final LocalDate today;
    private RowValidator validator;
    private List<String> header;
    final Staged staged = new Staged();

    Consumer(String file, Catalog catalog, RowSink sink, Collector collector, LocalDate today) {
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
  }

  /**
   * A cell too long to be a measurement, or holding a NUL byte (which PostgreSQL cannot store), is
   * refused with its row and column before any rule reads it: cheap, whatever the cell holds.
   */
  private static boolean readableCells(
      long number, List<String> header, List<String> cells, Collector collector) {
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
  private static final class Staged {
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

  /** Counts everything, lists the first problems: memory stays flat on a huge bad file. */
  private static final class Collector {
    long rows;
    long rejectedRows;
    final List<RowProblem> errors = new ArrayList<>();
    final List<RowProblem> warnings = new ArrayList<>();
    boolean truncated;
    List<Revision> revisions = List.of();

    void error(RowProblem p) {
      add(errors, p);
    }

    void warning(RowProblem p) {
      add(warnings, p);
    }

    private void add(List<RowProblem> list, RowProblem p) {
      if (list.size() < MAX_LISTED) {
        list.add(p);
      } else {
        truncated = true;
      }
    }

    UploadReport report(
        String file,
        String sheet,
        boolean dryRun,
        boolean committed,
        long inserted,
        long revised,
        long unchanged) {
      long accepted = inserted + revised + unchanged;
      return new UploadReport(
          file,
          sheet,
          dryRun,
          committed,
          rows,
          accepted,
          rejectedRows,
          inserted,
          revised,
          unchanged,
          List.copyOf(errors),
          List.copyOf(warnings),
          truncated,
          revisions);
    }
  }
}
