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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.atalaya.audit.AuditLog;
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
    var collector = new ProblemCollector();
    boolean withoutReason = options.reason() == null || options.reason().isBlank();
    Long[] known = catalog.indicators().values().stream().map(i -> i.id()).toArray(Long[]::new);
    long straight;
    boolean totals;
    ValidatingConsumer.Staged staged;
    try (var sink =
        new RowSink(
            connection,
            sql.storedIndicators(connection, known),
            withoutReason ? PublishedGuard.publishedPeriods(connection) : Set.of(),
            sql.territoryParents(connection),
            options.trusted(),
            options.user(),
            straightCopy ? spool.directory() : null)) {
      var consumer = new ValidatingConsumer(file, catalog, sink, collector, LocalDate.now(clock));
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
}
