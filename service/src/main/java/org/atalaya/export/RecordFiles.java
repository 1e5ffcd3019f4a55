package org.atalaya.export;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.atalaya.shared.CsvWriter;

/**
 * The record as tables: territories and population, every measurement and every revision, the audit
 * trail, and the published reports with their frozen files and hashes. Codes everywhere, never
 * database ids, so the files mean the same outside Atalaya.
 */
@Singleton
class RecordFiles {
  private static final String CELL =
      """
      i.code AS indicator, s.code AS source, m.period_start, m.sex, t.code AS territory,
      m.age_group""";

  void write(Connection c, ExportSink sink, Map<String, Long> rows)
      throws IOException, SQLException {
    table(
        c,
        sink,
        rows,
        "territorios.csv",
        List.of("code", "name", "level", "parent", "official_code", "valid_from", "valid_to"),
        """
        SELECT t.code, t.name, t.level, p.code, t.official_code, t.valid_from, t.valid_to
        FROM territory t
        LEFT JOIN territory p ON p.id = t.parent_id ORDER BY t.level, t.code""");
    table(
        c,
        sink,
        rows,
        "ejecucion/actividades.csv",
        List.of(
            "plan",
            "part_kind",
            "part_code",
            "position",
            "name",
            "planned_start",
            "planned_end",
            "actual_start",
            "actual_end",
            "state",
            "note",
            "updated_by",
            "updated_at"),
        """
        SELECT p.code, a.part_kind, a.part_code, a.position, a.name, a.planned_start,
               a.planned_end, a.actual_start, a.actual_end, a.state, a.note, a.updated_by,
               a.updated_at
        FROM execution_activity a JOIN plan p ON p.id = a.plan_id
        ORDER BY p.code, a.part_kind, a.part_code, a.position""");
    table(
        c,
        sink,
        rows,
        "ejecucion/presupuesto.csv",
        List.of(
            "plan",
            "part_kind",
            "part_code",
            "period_start",
            "funding_source",
            "currency",
            "committed",
            "executed",
            "updated_by",
            "updated_at"),
        """
        SELECT p.code, b.part_kind, b.part_code, b.period_start, b.funding_source, b.currency,
               b.committed, b.executed, b.updated_by, b.updated_at
        FROM execution_budget b JOIN plan p ON p.id = b.plan_id
        ORDER BY p.code, b.part_kind, b.part_code, b.period_start, b.funding_source""");
    table(
        c,
        sink,
        rows,
        "poblacion.csv",
        List.of("territory", "year", "sex", "population", "source", "illustrative"),
        """
        SELECT t.code, p.year, p.sex, p.population, p.source, p.illustrative
        FROM territory_population p JOIN territory t ON t.id = p.territory_id
        ORDER BY t.code, p.year, p.sex""");
    table(
        c,
        sink,
        rows,
        "mediciones.csv",
        List.of(
            "indicator",
            "source",
            "period_start",
            "sex",
            "territory",
            "age_group",
            "value",
            "numerator",
            "denominator",
            "status",
            "revision",
            "recorded_by",
            "recorded_at"),
        "SELECT "
            + CELL
            + """
            , m.value, m.numerator, m.denominator, m.status, m.revision, m.recorded_by,
              m.recorded_at
            FROM measurement m JOIN indicator i ON i.id = m.indicator_id
            JOIN indicator_source s ON s.id = m.source_id JOIN territory t ON t.id = m.territory_id
            ORDER BY i.code, s.code, m.period_start, m.sex, t.code, m.age_group""");
    table(
        c,
        sink,
        rows,
        "revisiones.csv",
        List.of(
            "indicator",
            "source",
            "period_start",
            "sex",
            "territory",
            "age_group",
            "revision",
            "old_value",
            "old_numerator",
            "old_denominator",
            "old_status",
            "old_recorded_by",
            "old_recorded_at",
            "new_value",
            "new_numerator",
            "new_denominator",
            "new_status",
            "changed_by",
            "changed_at",
            "reason"),
        "SELECT "
            + CELL
            + """
            , m.revision, m.old_value, m.old_numerator, m.old_denominator, m.old_status,
              m.old_recorded_by, m.old_recorded_at, m.new_value, m.new_numerator,
              m.new_denominator, m.new_status, m.changed_by, m.changed_at, m.reason
            FROM measurement_revision m JOIN indicator i ON i.id = m.indicator_id
            JOIN indicator_source s ON s.id = m.source_id JOIN territory t ON t.id = m.territory_id
            ORDER BY i.code, s.code, m.period_start, m.sex, t.code, m.age_group, m.revision""");
    table(
        c,
        sink,
        rows,
        "auditoria.csv",
        List.of("id", "at", "actor", "action", "entity", "key", "before", "after", "reason"),
        """
        SELECT id, at, actor, action, entity, entity_key, before_json::text, after_json::text,
               reason
        FROM audit_log ORDER BY id""");
  }

  /** The reports' versions, then each frozen file under informes/PLAN/PERIOD/vN/. */
  void reports(Connection c, ExportSink sink, Map<String, Long> rows)
      throws IOException, SQLException {
    table(
        c,
        sink,
        rows,
        "informes/informes.csv",
        List.of(
            "plan",
            "period",
            "version",
            "status",
            "reason",
            "as_of",
            "created_by",
            "created_at",
            "published_by",
            "published_at",
            "content_hash"),
        """
        SELECT plan_code, period, version, status, reason, as_of, created_by, created_at,
               published_by, published_at, content_hash
        FROM report ORDER BY plan_code, period, version""");
    // Each frozen file as it was published; the index (one line per file) is written after them.
    long files = 0;
    StringBuilder index = new StringBuilder();
    try (CsvWriter csv = new CsvWriter(index)) {
      csv.row("plan", "period", "version", "name", "media_type", "sha256", "path");
      try (var s =
          Rows.query(
              c,
              """
                  SELECT r.plan_code, r.period, r.version, f.name, f.media_type, f.sha256,
                         f.content
                  FROM report_file f JOIN report r ON r.id = f.report_id
                  ORDER BY r.plan_code, r.period, r.version, f.name""")) {
        s.setFetchSize(1); // a published PDF can be large: one file in memory at a time
        var r = s.executeQuery();
        while (r.next()) {
          String path =
              "informes/%s/%s/v%d/%s"
                  .formatted(
                      safe(r.getString("plan_code")),
                      safe(r.getString("period")),
                      r.getInt("version"),
                      safe(r.getString("name")));
          try (OutputStream out = sink.file(path);
              InputStream content = r.getBinaryStream("content")) {
            content.transferTo(out);
          }
          csv.row(
              r.getString("plan_code"),
              r.getString("period"),
              r.getInt("version"),
              r.getString("name"),
              r.getString("media_type"),
              r.getString("sha256"),
              path);
          files++;
        }
      }
    }
    sink.file("informes/archivos.csv", index.toString().getBytes(StandardCharsets.UTF_8));
    rows.put("informes/archivos.csv", files);
  }

  static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
  }

  private static void table(
      Connection c,
      ExportSink sink,
      Map<String, Long> rows,
      String name,
      List<String> header,
      String sql)
      throws IOException, SQLException {
    try (OutputStream out = sink.file(name)) {
      rows.put(name, Rows.csv(c, out, header, sql));
    }
  }
}
