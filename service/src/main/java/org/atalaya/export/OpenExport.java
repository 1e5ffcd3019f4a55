package org.atalaya.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.indicator.TargetService;
import org.atalaya.plan.PlanDocuments;
import org.atalaya.plan.PlanService;

/**
 * The open export: everything an observatory would take with it when leaving Atalaya or moving to
 * another system, as documented YAML, CSV and JSON files (described file by file and column by
 * column in the {@code LEEME.md} it carries). It reads one snapshot of the database (one read-only,
 * repeatable-read transaction), so its files agree with each other even while measurements arrive,
 * and it streams every large table, so a big database does not fill memory. It is the raw record,
 * microdata and unpublished figures included: for administrators only, never the public open data
 * (which the report's open-data bundle and the publication layer serve).
 */
@Singleton
public class OpenExport {
  static final String FORMAT = "atalaya-export/1";
  static final String README = "LEEME.md";

  private final DataSource dataSource;
  private final PlanService plans;
  private final IndicatorService indicators;
  private final TargetService targets;
  private final SurveyFiles surveys;
  private final RecordFiles records;

  OpenExport(
      DataSource dataSource,
      PlanService plans,
      IndicatorService indicators,
      TargetService targets,
      SurveyFiles surveys,
      RecordFiles records) {
    this.dataSource = dataSource;
    this.plans = plans;
    this.indicators = indicators;
    this.targets = targets;
    this.surveys = surveys;
    this.records = records;
  }

  /** A sink that writes the export as one zip into the stream (closed with the sink). */
  public static ExportSink zip(OutputStream out) {
    return new ZipSink(out);
  }

  /** What an export held: files written and rows per table file. */
  public record Summary(Map<String, Long> rows, int files) {}

  /** Writes the whole export into the sink and completes it; the sink is left to its owner. */
  @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
  public Summary write(ExportSink sink) throws IOException, SQLException {
    Map<String, Long> rows = new LinkedHashMap<>();
    try (InputStream readme = OpenExport.class.getResourceAsStream("/export/" + README)) {
      sink.file(README, readme.readAllBytes());
    }
    try (Connection c = dataSource.getConnection()) {
      write(c, sink, rows);
    }
    sink.finish();
    return new Summary(rows, sink.sums().size() + 1);
  }

  private void write(Connection c, ExportSink sink, Map<String, Long> rows)
      throws IOException, SQLException {
    sink.file("exportacion.json", about(c));
    for (var plan : plans.list(true)) {
      sink.file(
          "planes/" + plan.code() + ".yml",
          PlanDocuments.write(plans.document(plan.code(), true), PlanDocuments.Format.YAML)
              .getBytes(StandardCharsets.UTF_8));
    }
    List<IndicatorEntry> entries = new ArrayList<>();
    for (IndicatorDoc doc : indicators.list(null)) {
      entries.add(new IndicatorEntry(doc, targets.targets(doc.code())));
    }
    rows.put("indicadores.yml", (long) entries.size());
    try (OutputStream out = sink.file("indicadores.yml")) {
      YAML.writeValue(out, entries);
    }
    records.write(c, sink, rows);
    surveys.write(c, sink, rows);
    records.reports(c, sink, rows);
  }

  /** One indicator and its targets: the same shape as the demo's indicators.yml. */
  record IndicatorEntry(IndicatorDoc indicator, List<IndicatorDoc.TargetDoc> targets) {}

  private static byte[] about(Connection c) throws SQLException, IOException {
    Map<String, Object> about = new LinkedHashMap<>();
    about.put("format", FORMAT);
    about.put("exportedAt", Instant.now().toString());
    about.put("schemaVersion", schemaVersion(c));
    String version = OpenExport.class.getPackage().getImplementationVersion();
    about.put("atalayaVersion", version == null ? "0.1.0-SNAPSHOT" : version);
    byte[] json = JSON.writeValueAsBytes(about);
    byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
    line[json.length] = (byte) 10;
    return line;
  }

  private static String schemaVersion(Connection c) throws SQLException {
    try (var s =
            c.prepareStatement(
                "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL"
                    + " ORDER BY installed_rank DESC LIMIT 1");
        var r = s.executeQuery()) {
      return r.next() ? r.getString("version") : "0";
    }
  }

  static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  static final ObjectMapper YAML =
      new YAMLMapper(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
                  .disable(YAMLGenerator.Feature.SPLIT_LINES)
                  .build())
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
}
