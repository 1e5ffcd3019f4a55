package org.atalaya.survey;

import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

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
        var s = c.prepareStatement("SELECT id, definition::text FROM survey ORDER BY code")) {
      List<Stored> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(new Stored(r.getLong(1), read(r.getString(2), SurveyDoc.class)));
        }
      }
      return out;
    }
  }

  Optional<Stored> find(String code) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement("SELECT id, definition::text FROM survey WHERE code = ?")) {
      s.setString(1, code);
      try (ResultSet r = s.executeQuery()) {
        return r.next()
            ? Optional.of(new Stored(r.getLong(1), read(r.getString(2), SurveyDoc.class)))
            : Optional.empty();
      }
    }
  }

  /** Inserts or, when {@code id} is given, replaces a definition. */
  long save(Long id, SurveyDoc doc) throws SQLException {
    String sql =
        id == null
            ? "INSERT INTO survey (code, name, definition) VALUES (?, ?, CAST(? AS jsonb)) RETURNING id"
            : "UPDATE survey SET code = ?, name = ?, definition = CAST(? AS jsonb) WHERE id = ?"
                + " RETURNING id";
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(sql)) {
      s.setString(1, doc.code());
      s.setString(2, doc.name());
      s.setString(3, write(doc));
      if (id != null) {
        s.setLong(4, id);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  void delete(long id) throws SQLException {
    update("DELETE FROM survey WHERE id = ?", id);
  }

  List<Wave> waves(long surveyId) throws SQLException {
    return queryWaves("WHERE survey_id = ? ORDER BY period_start, code", surveyId, null);
  }

  Optional<Wave> wave(long surveyId, String code) throws SQLException {
    return queryWaves("WHERE survey_id = ? AND code = ?", surveyId, code).stream().findFirst();
  }

  private List<Wave> queryWaves(String where, long surveyId, String code) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "SELECT id, code, name, period_start, period_end, published, loaded_file,"
                    + " loaded_sheet, loaded_enc, respondents, variables FROM survey_wave "
                    + where)) {
      s.setLong(1, surveyId);
      if (code != null) {
        s.setString(2, code);
      }
      List<Wave> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          String file = r.getString(7);
          var loaded =
              file == null
                  ? null
                  : new WaveDoc.Loaded(
                      file,
                      r.getString(8),
                      r.getString(9),
                      r.getInt(10),
                      Arrays.asList((String[]) r.getArray(11).getArray()));
          out.add(
              new Wave(
                  r.getLong(1),
                  surveyId,
                  new WaveDoc(
                      r.getString(2),
                      r.getString(3),
                      r.getDate(4).toLocalDate(),
                      r.getDate(5).toLocalDate(),
                      r.getBoolean(6),
                      loaded)));
        }
      }
      return out;
    }
  }

  long saveWave(long surveyId, Long id, WaveDoc doc) throws SQLException {
    String sql =
        id == null
            ? "INSERT INTO survey_wave (code, name, period_start, period_end, survey_id)"
                + " VALUES (?, ?, ?, ?, ?) RETURNING id"
            : "UPDATE survey_wave SET code = ?, name = ?, period_start = ?, period_end = ?"
                + " WHERE survey_id = ? AND id = ? RETURNING id";
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(sql)) {
      s.setString(1, doc.code());
      s.setString(2, doc.name());
      s.setDate(3, Date.valueOf(doc.periodStart()));
      s.setDate(4, Date.valueOf(doc.periodEnd()));
      s.setLong(5, surveyId);
      if (id != null) {
        s.setLong(6, id);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  void loaded(long waveId, WaveDoc.Loaded loaded) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "UPDATE survey_wave SET loaded_file = ?, loaded_sheet = ?, loaded_enc = ?,"
                    + " respondents = ?, variables = ? WHERE id = ?")) {
      s.setString(1, loaded.file());
      s.setString(2, loaded.sheet());
      s.setString(3, loaded.encoding());
      s.setInt(4, loaded.respondents());
      s.setArray(5, c.createArrayOf("text", loaded.variables().toArray()));
      s.setLong(6, waveId);
      s.executeUpdate();
    }
  }

  void publish(long waveId, boolean published) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement("UPDATE survey_wave SET published = ? WHERE id = ?")) {
      s.setBoolean(1, published);
      s.setLong(2, waveId);
      s.executeUpdate();
    }
  }

  /** For the demonstration only: its committee has validated the wave's estimates. */
  void validatedByDemo(long waveId, String who) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "UPDATE survey_wave SET validated_by = ?, validated_at = now() WHERE id = ?")) {
      s.setString(1, who);
      s.setLong(2, waveId);
      s.executeUpdate();
    }
  }

  void deleteWave(long waveId) throws SQLException {
    update("DELETE FROM survey_wave WHERE id = ?", waveId);
  }

  List<MappingDoc> mappings(long surveyId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "SELECT mapping::text FROM survey_mapping WHERE survey_id = ? ORDER BY name")) {
      s.setLong(1, surveyId);
      List<MappingDoc> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(read(r.getString(1), MappingDoc.class));
        }
      }
      return out;
    }
  }

  Optional<MappingDoc> mapping(long surveyId, String name) throws SQLException {
    return mappings(surveyId).stream().filter(m -> m.name().equals(name)).findFirst();
  }

  void saveMapping(long surveyId, MappingDoc doc) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "INSERT INTO survey_mapping (survey_id, name, mapping) VALUES (?, ?, CAST(? AS"
                    + " jsonb)) ON CONFLICT (survey_id, name) DO UPDATE SET mapping ="
                    + " EXCLUDED.mapping")) {
      s.setLong(1, surveyId);
      s.setString(2, doc.name());
      s.setString(3, write(doc));
      s.executeUpdate();
    }
  }

  boolean deleteMapping(long surveyId, String name) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement("DELETE FROM survey_mapping WHERE survey_id = ? AND name = ?")) {
      s.setLong(1, surveyId);
      s.setString(2, name);
      return s.executeUpdate() > 0;
    }
  }

  private void update(String sql, long id) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(sql)) {
      s.setLong(1, id);
      s.executeUpdate();
    }
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
