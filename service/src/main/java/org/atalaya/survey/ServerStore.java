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
import org.atalaya.database.NamedStatement;

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
            NamedStatement.prepare(
                c, "SELECT " + COLUMNS + " FROM survey_server WHERE survey_id = :survey")) {
      return s.setLong("survey", surveyId).first(ServerStore::read);
    }
  }

  record Scheduled(String survey, String wave) {}

  /** Surveys whose pulls run on the schedule, with the wave each refreshes. */
  @Transactional(readOnly = true)
  List<Scheduled> scheduled() throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "SELECT s.code AS survey, v.scheduled_wave FROM survey_server v JOIN survey s"
                    + " ON s.id = v.survey_id WHERE v.scheduled_wave IS NOT NULL ORDER BY s.code")) {
      List<Scheduled> out = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          out.add(new Scheduled(r.getString("survey"), r.getString("scheduled_wave")));
        }
      }
      return out;
    }
  }

  void save(long surveyId, ServerDoc doc, byte[] credential) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                """
                INSERT INTO survey_server
                  (survey_id, kind, base_url, project, form, mapping, scheduled_wave, credential)
                VALUES (:survey, :kind, :url, :project, :form, :mapping, :scheduled_wave,
                        :credential)
                ON CONFLICT (survey_id) DO UPDATE SET kind = EXCLUDED.kind,
                  base_url = EXCLUDED.base_url, project = EXCLUDED.project, form = EXCLUDED.form,
                  mapping = EXCLUDED.mapping, scheduled_wave = EXCLUDED.scheduled_wave,
                  credential = EXCLUDED.credential
                """)) {
      s.setLong("survey", surveyId).setString("kind", doc.kind().name());
      s.setString("url", doc.url()).setString("project", doc.project());
      s.setString("form", doc.form()).setString("mapping", doc.mapping());
      s.setString("scheduled_wave", doc.scheduledWave()).setBytes("credential", credential);
      s.executeUpdate();
    }
  }

  boolean delete(long surveyId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, "DELETE FROM survey_server WHERE survey_id = :survey")) {
      return s.setLong("survey", surveyId).executeUpdate() > 0;
    }
  }

  @Transactional
  void pulled(long surveyId, Instant at, String outcome) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                "UPDATE survey_server SET last_pull_at = :at, last_pull = :outcome"
                    + " WHERE survey_id = :survey")) {
      s.setTimestamp("at", at);
      s.setString("outcome", outcome.length() > 1000 ? outcome.substring(0, 999) + "…" : outcome);
      s.setLong("survey", surveyId).executeUpdate();
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
