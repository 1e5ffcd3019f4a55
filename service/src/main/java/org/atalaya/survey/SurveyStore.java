package org.atalaya.survey;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.atalaya.database.NamedStatement;

/**
 * Surveys, waves and mappings in SQL. Definitions and mappings are stored as the JSON the API
 * accepted; callers run inside their own transaction (the data source hands out its connection).
 */
@Singleton
class SurveyStore {
  private final DataSource dataSource;
  private final ObjectMapper json;

  SurveyStore(DataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  record Stored(long id, SurveyDoc doc) {}

  record Wave(long id, long surveyId, WaveDoc doc) {}

  List<Stored> list() throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c, "SELECT id, definition::text AS definition FROM survey ORDER BY code")) {
      return s.list(this::stored);
    }
  }

  Optional<Stored> find(String code) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c, "SELECT id, definition::text AS definition FROM survey WHERE code = :code")) {
      return s.setString("code", code).first(this::stored);
    }
  }

  /** Inserts or, when {@code id} is given, replaces a definition. */
  long save(Long id, SurveyDoc doc) throws SQLException {
    String sql =
        id == null
            ? "INSERT INTO survey (code, name, definition)"
                + " VALUES (:code, :name, CAST(:definition AS jsonb)) RETURNING id"
            : "UPDATE survey SET code = :code, name = :name, definition = CAST(:definition AS jsonb)"
                + " WHERE id = :id RETURNING id";
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, sql)) {
      s.setString("code", doc.code()).setString("name", doc.name());
      s.setString("definition", write(doc));
      if (id != null) {
        s.setLong("id", id);
      }
      return s.first(r -> r.getLong("id")).orElseThrow();
    }
  }

  void delete(long id) throws SQLException {
    update("DELETE FROM survey WHERE id = :id", id);
  }

  List<Wave> waves(long surveyId) throws SQLException {
    return queryWaves("WHERE survey_id = :survey ORDER BY period_start, code", surveyId, null);
  }

  Optional<Wave> wave(long surveyId, String code) throws SQLException {
    return queryWaves("WHERE survey_id = :survey AND code = :code", surveyId, code).stream()
        .findFirst();
  }

  private List<Wave> queryWaves(String where, long surveyId, String code) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                "SELECT id, code, name, period_start, period_end, published, loaded_file,"
                    + " loaded_sheet, loaded_enc, respondents, variables FROM survey_wave "
                    + where)) {
      s.setLong("survey", surveyId);
      if (code != null) {
        s.setString("code", code);
      }
      return s.list(
          r -> {
            String file = r.getString("loaded_file");
            var loaded =
                file == null
                    ? null
                    : new WaveDoc.Loaded(
                        file,
                        r.getString("loaded_sheet"),
                        r.getString("loaded_enc"),
                        r.getInt("respondents"),
                        Arrays.asList((String[]) r.getArray("variables").getArray()));
            return new Wave(
                r.getLong("id"),
                surveyId,
                new WaveDoc(
                    r.getString("code"),
                    r.getString("name"),
                    r.getDate("period_start").toLocalDate(),
                    r.getDate("period_end").toLocalDate(),
                    r.getBoolean("published"),
                    loaded));
          });
    }
  }

  long saveWave(long surveyId, Long id, WaveDoc doc) throws SQLException {
    String sql =
        id == null
            ? "INSERT INTO survey_wave (code, name, period_start, period_end, survey_id)"
                + " VALUES (:code, :name, :start, :end, :survey) RETURNING id"
            : "UPDATE survey_wave SET code = :code, name = :name, period_start = :start,"
                + " period_end = :end WHERE survey_id = :survey AND id = :id RETURNING id";
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, sql)) {
      s.setString("code", doc.code()).setString("name", doc.name());
      s.setDate("start", doc.periodStart()).setDate("end", doc.periodEnd());
      s.setLong("survey", surveyId);
      if (id != null) {
        s.setLong("id", id);
      }
      return s.first(r -> r.getLong("id")).orElseThrow();
    }
  }

  void loaded(long waveId, WaveDoc.Loaded loaded) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                """
                UPDATE survey_wave SET loaded_file = :file, loaded_sheet = :sheet,
                       loaded_enc = :encoding, respondents = :respondents, variables = :variables
                 WHERE id = :wave
                """)) {
      s.setString("file", loaded.file()).setString("sheet", loaded.sheet());
      s.setString("encoding", loaded.encoding()).setInt("respondents", loaded.respondents());
      s.setArray("variables", "text", loaded.variables().toArray()).setLong("wave", waveId);
      s.executeUpdate();
    }
  }

  void publish(long waveId, boolean published) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c, "UPDATE survey_wave SET published = :published WHERE id = :wave")) {
      s.setBoolean("published", published).setLong("wave", waveId).executeUpdate();
    }
  }

  /** For the demonstration only: its committee has validated the wave's estimates. */
  void validatedByDemo(long waveId, String who) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                "UPDATE survey_wave SET validated_by = :who, validated_at = now() WHERE id = :wave")) {
      s.setString("who", who).setLong("wave", waveId).executeUpdate();
    }
  }

  void deleteWave(long waveId) throws SQLException {
    update("DELETE FROM survey_wave WHERE id = :id", waveId);
  }

  List<MappingDoc> mappings(long surveyId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                "SELECT mapping::text AS mapping FROM survey_mapping WHERE survey_id = :survey"
                    + " ORDER BY name")) {
      return s.setLong("survey", surveyId)
          .list(r -> read(r.getString("mapping"), MappingDoc.class));
    }
  }

  Optional<MappingDoc> mapping(long surveyId, String name) throws SQLException {
    return mappings(surveyId).stream().filter(m -> m.name().equals(name)).findFirst();
  }

  void saveMapping(long surveyId, MappingDoc doc) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                """
                INSERT INTO survey_mapping (survey_id, name, mapping)
                VALUES (:survey, :name, CAST(:mapping AS jsonb))
                ON CONFLICT (survey_id, name) DO UPDATE SET mapping = EXCLUDED.mapping
                """)) {
      s.setLong("survey", surveyId).setString("name", doc.name());
      s.setString("mapping", write(doc)).executeUpdate();
    }
  }

  boolean deleteMapping(long surveyId, String name) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c, "DELETE FROM survey_mapping WHERE survey_id = :survey AND name = :name")) {
      return s.setLong("survey", surveyId).setString("name", name).executeUpdate() > 0;
    }
  }

  private void update(String sql, long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, sql)) {
      s.setLong("id", id).executeUpdate();
    }
  }

  private Stored stored(ResultSet r) throws SQLException {
    return new Stored(r.getLong("id"), read(r.getString("definition"), SurveyDoc.class));
  }

  private <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
