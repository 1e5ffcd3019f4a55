package org.atalaya.survey;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.atalaya.audit.AuditLog;
import org.atalaya.database.NamedStatement;
import org.atalaya.measurement.RowSource;
import org.atalaya.shared.CellLimits;
import org.atalaya.territory.TerritoryService;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads a wave's microdata in one transaction: the wave's previous respondents are removed, each
 * row is checked as it streams in and the good ones go to the table with COPY; any bad row, an
 * empty file or a dry run rolls everything back, so a refused upload leaves the wave as it was.
 */
@Singleton
class MicrodataImport {
  static final int MAX_LISTED = 1000;
  private static final int PREVIEW = 5;

  private final TransactionOperations<Connection> tx;
  private final SurveyStore store;
  private final TerritoryService territories;
  private final AuditLog audit;
  private final WaveApproval approval;

  MicrodataImport(
      TransactionOperations<Connection> tx,
      SurveyStore store,
      TerritoryService territories,
      AuditLog audit,
      WaveApproval approval) {
    this.tx = tx;
    this.store = store;
    this.territories = territories;
    this.audit = audit;
    this.approval = approval;
  }

  record Upload(String file, String sheet, String encoding, boolean dryRun) {}

  ImportReport load(
      SurveyStore.Stored survey,
      SurveyStore.Wave wave,
      MappingDoc mapping,
      Upload upload,
      RowSource source,
      Locale locale)
      throws IOException {
    try {
      return tx.execute(
          TransactionDefinition.DEFAULT,
          status -> {
            try {
              var run = new Run(survey.doc(), mapping, wave.id());
              run.execute(status.getConnection(), source);
              boolean commit = !upload.dryRun() && run.errors.isEmpty();
              if (commit) {
                var loaded =
                    new WaveDoc.Loaded(
                        upload.file(),
                        upload.sheet(),
                        upload.encoding(),
                        (int) run.accepted,
                        List.copyOf(run.variables));
                store.loaded(wave.id(), loaded);
                approval.changed(wave.id());
                audit.imported("surveyWave", survey.doc().code() + "/" + wave.doc().code(), loaded);
              } else {
                status.setRollbackOnly();
              }
              return run.report(upload, commit, locale);
            } catch (SQLException e) {
              throw new IllegalStateException("Upload of " + upload.file() + " failed", e);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** One upload's state while its rows stream by. */
  private final class Run implements RowSource.RowConsumer {
    private final SurveyDoc survey;
    private final MappingDoc mapping;
    private final long waveId;
    final List<SurveyProblem> errors = new ArrayList<>();
    final List<SurveyProblem> warnings = new ArrayList<>();
    final Set<String> variables = new LinkedHashSet<>();
    final List<String> ignored = new ArrayList<>();
    final List<ImportReport.Preview> preview = new ArrayList<>();
    long rows;
    long accepted;
    long errorCount;
    private CopyIn copy;
    private RowReader reader;
    private boolean headerBroken;
    private List<String> header = List.of();

    Run(SurveyDoc survey, MappingDoc mapping, long waveId) {
      this.survey = survey;
      this.mapping = mapping;
      this.waveId = waveId;
    }

    void execute(Connection connection, RowSource source) throws SQLException, IOException {
      // One upload per wave at a time: a second waits here rather than mixing its rows in.
      try (var lock =
          NamedStatement.prepare(
              connection, "SELECT id FROM survey_wave WHERE id = :wave FOR UPDATE")) {
        lock.setLong("wave", waveId).executeQuery().close();
      }
      try (var delete =
          NamedStatement.prepare(
              connection, "DELETE FROM survey_respondent WHERE wave_id = :wave")) {
        delete.setLong("wave", waveId).executeUpdate();
      }
      copy =
          connection
              .unwrap(PGConnection.class)
              .getCopyAPI()
              .copyIn(
                  "COPY survey_respondent (wave_id, row_no, respondent, weights, stratum, psu, sex,"
                      + " territory, age_group, answers) FROM STDIN (FORMAT csv)");
      try {
        source.read(this);
        copy.endCopy();
      } finally {
        if (copy.isActive()) {
          copy.cancelCopy();
        }
      }
      if (rows == 0 && !headerBroken) {
        error(SurveyProblem.of(2, "", "", "noRows"));
      }
    }

    @Override
    public void header(List<String> cells) {
      Set<String> names = new java.util.HashSet<>();
      for (String name : cells) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        if (!key.isEmpty() && !names.add(key)) {
          error(SurveyProblem.of(1, name.strip(), name, "duplicateColumn"));
        }
      }
      var plan = ColumnPlan.resolve(cells, survey, mapping, this::error, warnings::add);
      headerBroken = !errors.isEmpty();
      header = List.copyOf(cells);
      Map<String, Boolean> known = new HashMap<>();
      reader =
          new RowReader(
              survey,
              plan,
              t -> known.computeIfAbsent(t, code -> territories.find(code).isPresent()),
              this::error);
      ignored.addAll(plan.unused());
      for (ColumnPlan.ItemColumns item : plan.items()) {
        if (item.column() >= 0) {
          variables.add(item.item().code());
        }
        item.choices()
            .forEach(
                (choice, column) -> {
                  if (column >= 0 || item.column() >= 0) {
                    variables.add(Variables.choice(item.item().code(), choice));
                  }
                });
      }
    }

    @Override
    public void row(long number, List<String> cells) {
      if (headerBroken) {
        return; // without its columns no row can be read; the header's errors say why
      }
      rows++;
      long before = errorCount;
      if (!readable(number, cells)) {
        return;
      }
      Respondent r = reader.read(number, cells);
      if (r == null || errorCount > before) {
        return;
      }
      accepted++;
      if (preview.size() < PREVIEW) {
        preview.add(ImportReport.Preview.of(r));
      }
      if (errors.isEmpty()) {
        byte[] line = CopyLine.of(waveId, r).getBytes(StandardCharsets.UTF_8);
        try {
          copy.writeToCopy(line, 0, line.length);
        } catch (SQLException e) {
          throw new IllegalStateException("COPY of survey respondents failed", e);
        }
      }
    }

    /** Every cell short enough and free of NUL bytes, checked before any rule reads one. */
    private boolean readable(long number, List<String> cells) {
      boolean ok = true;
      for (int i = 0; i < cells.size(); i++) {
        String rule = CellLimits.broken(cells.get(i));
        if (rule != null) {
          String column = i < header.size() ? header.get(i).strip() : Integer.toString(i + 1);
          error(SurveyProblem.of(number, column, cells.get(i), rule, CellLimits.MAX_CELL));
          ok = false;
        }
      }
      return ok;
    }

    private void error(SurveyProblem problem) {
      errorCount++;
      if (errors.size() < MAX_LISTED) {
        errors.add(problem);
      }
    }

    ImportReport report(Upload upload, boolean commit, Locale locale) {
      return new ImportReport(
          upload.file(),
          upload.sheet(),
          upload.encoding(),
          upload.dryRun(),
          commit,
          rows,
          accepted,
          rows - accepted,
          List.copyOf(variables),
          List.copyOf(ignored),
          ImportReport.lines(errors, locale),
          ImportReport.lines(warnings, locale),
          errorCount > errors.size(),
          upload.dryRun() ? List.copyOf(preview) : List.of());
    }
  }
}
