package org.atalaya.measurement;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * For other features (the demo, the data-entry pages): load measurements through the same checks
 * and the same all-or-nothing merge as the upload API.
 */
@Singleton
public class MeasurementImport {
  private final MeasurementIngestion ingestion;

  MeasurementImport(MeasurementIngestion ingestion) {
    this.ingestion = ingestion;
  }

  /**
   * Returns how many rows were new; a file with any bad row is refused whole. For in-process loads
   * (the demonstration, a validated survey wave's figures): the status column is kept.
   */
  public long loadCsv(String file, String csv, String user) throws IOException {
    var source =
        new CsvRowSource(file, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    UploadReport report =
        ingestion.ingest(
            file, null, source, new MeasurementIngestion.Options(false, false, null, user, true));
    if (!report.committed()) {
      throw new IllegalStateException(file + " was refused: " + report.errors());
    }
    return report.inserted();
  }

  /**
   * One measurement typed into a form: the fields keyed by the upload's column names, read as a
   * one-row file, so a problem names the field it is about.
   */
  public UploadView entry(Map<String, String> fields, String user, Locale locale)
      throws IOException {
    return entry(fields, null, user, locale);
  }

  /** As above, with the reason of a correction (required to change a published figure). */
  public UploadView entry(
      Map<String, String> fields, @Nullable String reason, String user, Locale locale)
      throws IOException {
    List<String> header = new ArrayList<>(fields.keySet());
    List<String> cells =
        header.stream().map(k -> fields.get(k) == null ? "" : fields.get(k)).toList();
    RowSource source =
        consumer -> {
          consumer.header(header);
          consumer.row(1, cells);
        };
    var options = new MeasurementIngestion.Options(false, false, reason, user);
    return UploadView.of(ingestion.ingest("formulario", null, source, options), locale);
  }

  /**
   * Rows from another system's file (DHIS2) or typed into a grid, already in the upload's columns
   * (indicator, period, sex, territory, value…), each under the row number it is reported by,
   * through the same checks, preview (a dry run) and all-or-nothing merge as an upload. Stored
   * figures are provisional.
   */
  public UploadView rows(
      String file,
      List<String> header,
      Map<Long, List<String>> rows,
      boolean dryRun,
      @Nullable String reason,
      String user,
      Locale locale)
      throws IOException {
    RowSource source =
        consumer -> {
          consumer.header(header);
          rows.forEach(consumer::row);
        };
    var options = new MeasurementIngestion.Options(dryRun, false, reason, user);
    return UploadView.of(ingestion.ingest(file, null, source, options), locale);
  }

  /** Rows typed into a grid: numbered by their position in the list, from 1. */
  public UploadView rows(
      String name,
      List<String> header,
      List<List<String>> rows,
      boolean dryRun,
      @Nullable String reason,
      String user,
      Locale locale)
      throws IOException {
    Map<Long, List<String>> numbered = new java.util.LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      numbered.put(i + 1L, rows.get(i));
    }
    return rows(name, header, numbered, dryRun, reason, user, locale);
  }

  /** A CSV or XLSX (by its name) already on disk, read as the upload API reads it. */
  public UploadView file(
      String file, Path path, boolean dryRun, boolean keepValid, String user, Locale locale)
      throws IOException {
    return file(file, path, dryRun, keepValid, null, user, locale);
  }

  /** As above, with the reason of a correction (required to change a published figure). */
  public UploadView file(
      String file,
      Path path,
      boolean dryRun,
      boolean keepValid,
      @Nullable String reason,
      String user,
      Locale locale)
      throws IOException {
    var options = new MeasurementIngestion.Options(dryRun, keepValid, reason, user);
    if (file.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
      var source = new XlsxRowSource(file, path, null);
      return UploadView.of(ingestion.ingest(file, source.sheetUsed(), source, options), locale);
    }
    try (InputStream in = Files.newInputStream(path)) {
      return UploadView.of(
          ingestion.ingest(file, null, new CsvRowSource(file, in), options), locale);
    }
  }
}
