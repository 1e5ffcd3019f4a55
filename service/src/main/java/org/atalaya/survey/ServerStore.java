package org.atalaya.survey;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Survey servers in SQL; the credential column holds ciphertext only. */
@Singleton
class ServerStore {
  private final DataSource dataSource;

  ServerStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  record Stored(long surveyId, ServerDoc.View view, byte[] credential) {}

  private static final String COLUMNS =
      "survey_id, kind, base_url, project, form, mapping, scheduled_wave, credential,"
          + " last_pull_at, last_pull";

  @Transactional(readOnly = true)
  Optional<Stored> find(long surveyId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement("SELECT " + COLUMNS + " FROM survey_server WHERE survey_id = ?")) {
      s.setLong(1, surveyId);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(read(r)) : Optional.empty();
      }
    }
  }

  record Scheduled(String survey, String wave) {}

  /** Surveys whose pulls run on the schedule, with the wave each refreshes. */
  @Transactional(readOnly = true)
  List<Scheduled> scheduled() throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "SELECT s.code, v.scheduled_wave FROM survey_server v JOIN survey s"
                    + " ON s.id = v.survey_id WHERE v.scheduled_wave IS NOT NULL ORDER BY s.code")) {
      List<Scheduled> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(new Scheduled(r.getString(1), r.getString(2)));
        }
      }
      return out;
    }
  }

  void save(long surveyId, ServerDoc doc, byte[] credential) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                """
                INSERT INTO survey_server
                  (survey_id, kind, base_url, project, form, mapping, scheduled_wave, credential)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (survey_id) DO UPDATE SET kind = EXCLUDED.kind,
                  base_url = EXCLUDED.base_url, project = EXCLUDED.project, form = EXCLUDED.form,
                  mapping = EXCLUDED.mapping, scheduled_wave = EXCLUDED.scheduled_wave,
                  credential = EXCLUDED.credential
                """)) {
      s.setLong(1, surveyId);
      s.setString(2, doc.kind().name());
      s.setString(3, doc.url());
      s.setString(4, doc.project());
      s.setString(5, doc.form());
      s.setString(6, doc.mapping());
      s.setString(7, doc.scheduledWave());
      s.setBytes(8, credential);
      s.executeUpdate();
    }
  }

  boolean delete(long surveyId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement("DELETE FROM survey_server WHERE survey_id = ?")) {
      s.setLong(1, surveyId);
      return s.executeUpdate() > 0;
    }
  }

  @Transactional
  void pulled(long surveyId, Instant at, String outcome) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "UPDATE survey_server SET last_pull_at = ?, last_pull = ? WHERE survey_id = ?")) {
      s.setTimestamp(1, Timestamp.from(at));
      s.setString(2, outcome.length() > 1000 ? outcome.substring(0, 999) + "…" : outcome);
      s.setLong(3, surveyId);
      s.executeUpdate();
    }
  }

  private static Stored read(ResultSet r) throws SQLException {
    Timestamp at = r.getTimestamp("last_pull_at");
    var view =
        new ServerDoc.View(
            ServerDoc.Kind.valueOf(r.getString("kind")),
            r.getString("base_url"),
            r.getString("project"),
            r.getString("form"),
            r.getString("mapping"),
            r.getString("scheduled_wave"),
            "guardada",
            at == null ? null : at.toInstant(),
            r.getString("last_pull"));
    return new Stored(r.getLong("survey_id"), view, r.getBytes("credential"));
  }
}
