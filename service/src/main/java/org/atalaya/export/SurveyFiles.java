package org.atalaya.export;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atalaya.shared.CsvWriter;

/**
 * Surveys: each definition as the API reads it (questionnaire and design, JSON), its waves, each
 * wave's microdata as one CSV (one row per respondent, one column per variable) and the published
 * aggregates typed in where no microdata exist.
 */
@Singleton
class SurveyFiles {
  private static final List<String> RESPONDENT_COLUMNS =
      List.of("row_no", "respondent", "stratum", "psu", "sex", "territory", "age_group");

  void write(Connection c, ExportSink sink, Map<String, Long> rows)
      throws IOException, SQLException {
    List<Object[]> surveys = new ArrayList<>();
    try (var s =
            Rows.query(
                c, "SELECT id, code, definition::text AS definition FROM survey ORDER BY code");
        var r = s.executeQuery()) {
      while (r.next()) {
        surveys.add(new Object[] {r.getLong("id"), r.getString("code"), r.getString("definition")});
      }
    }
    for (Object[] survey : surveys) {
      String dir = "encuestas/" + RecordFiles.safe((String) survey[1]) + "/";
      JsonNode definition = OpenExport.JSON.readTree((String) survey[2]);
      sink.file(dir + "encuesta.json", OpenExport.JSON.writeValueAsBytes(definition));
      try (OutputStream out = sink.file(dir + "oleadas.csv")) {
        Rows.csv(
            c,
            out,
            List.of(
                "code",
                "name",
                "period_start",
                "period_end",
                "published",
                "respondents",
                "loaded_file"),
            """
            SELECT code, name, period_start, period_end, published, respondents, loaded_file
            FROM survey_wave WHERE survey_id = ? ORDER BY period_start, code""",
            survey[0]);
      }
      List<String> weights = new ArrayList<>();
      definition.path("design").path("weights").forEach(w -> weights.add(w.asText()));
      List<Object[]> waves = new ArrayList<>();
      try (var s =
              Rows.query(
                  c,
                  "SELECT id, code, variables FROM survey_wave WHERE survey_id = ? ORDER BY code",
                  survey[0]);
          var r = s.executeQuery()) {
        while (r.next()) {
          waves.add(
              new Object[] {
                r.getLong("id"), r.getString("code"), strings(r.getArray("variables"))
              });
        }
      }
      for (Object[] wave : waves) {
        String name = dir + RecordFiles.safe((String) wave[1]) + ".csv";
        try (OutputStream out = sink.file(name)) {
          @SuppressWarnings("unchecked")
          List<String> variables = (List<String>) wave[2];
          rows.put(name, microdata(c, out, (Long) wave[0], weights, variables));
        }
      }
    }
    try (OutputStream out = sink.file("encuestas/agregados.csv")) {
      rows.put(
          "encuestas/agregados.csv",
          Rows.csv(
              c,
              out,
              List.of(
                  "survey",
                  "wave",
                  "item",
                  "kind",
                  "value_code",
                  "sex",
                  "territory",
                  "estimate",
                  "se",
                  "ci_lower",
                  "ci_upper",
                  "n",
                  "df"),
              """
              SELECT s.code, w.code, a.item, a.kind, a.value_code, a.sex, a.territory,
                     a.estimate, a.se, a.ci_lower, a.ci_upper, a.n, a.df
              FROM survey_aggregate a JOIN survey_wave w ON w.id = a.wave_id
              JOIN survey s ON s.id = w.survey_id
              ORDER BY s.code, w.code, a.item, a.kind, a.value_code, a.sex, a.territory"""));
    }
  }

  /**
   * One row per respondent: the design columns (names starting with "_", so they never meet a
   * variable of the questionnaire), then each variable as the file that was imported had it.
   */
  private static long microdata(
      Connection c, OutputStream file, long wave, List<String> weights, List<String> variables)
      throws SQLException, IOException {
    Writer text = new OutputStreamWriter(file, StandardCharsets.UTF_8);
    CsvWriter csv = new CsvWriter(text);
    List<String> header =
        new ArrayList<>(List.of("_row", "_respondent", "_stratum", "_psu", "_sex", "_territory"));
    header.add("_age_group");
    for (int i = 0; i < weights.size(); i++) {
      header.add("_weight_" + weights.get(i));
    }
    header.addAll(variables);
    csv.row(header);
    long rows = 0;
    try (var s =
            Rows.query(
                c,
                """
                SELECT row_no, respondent, stratum, psu, sex, territory, age_group, weights,
                       answers::text AS answers
                FROM survey_respondent WHERE wave_id = ? ORDER BY row_no""",
                wave);
        var r = s.executeQuery()) {
      List<Object> record = new ArrayList<>(header.size());
      while (r.next()) {
        record.clear();
        for (String column : RESPONDENT_COLUMNS) {
          record.add(r.getString(column));
        }
        Double[] w = (Double[]) r.getArray("weights").getArray();
        for (int i = 0; i < weights.size(); i++) {
          record.add(i < w.length && w[i] != null ? plain(w[i]) : null);
        }
        JsonNode answers = OpenExport.JSON.readTree(r.getString("answers"));
        for (String variable : variables) {
          JsonNode a = answers.get(variable);
          record.add(
              a == null || a.isNull()
                  ? null
                  : a.isNumber() ? Rows.plain(a.decimalValue()) : a.asText());
        }
        csv.row(record);
        rows++;
      }
    }
    text.flush();
    return rows;
  }

  private static String plain(double value) {
    return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : List.of((String[]) array.getArray());
  }
}
