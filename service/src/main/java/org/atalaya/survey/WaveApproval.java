package org.atalaya.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.utils.SecurityService;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.atalaya.approval.ApprovalStore;
import org.atalaya.approval.PeriodValidation;
import org.atalaya.approval.Validators;
import org.atalaya.audit.AuditLog;
import org.atalaya.database.NamedStatement;
import org.atalaya.shared.ApiException;

/**
 * A survey wave's estimates follow the measurements' path: provisional while its microdata or
 * typed-in aggregates change, validated by a person the configuration allows (not the one who
 * loaded them), then published — and publishing requires the validation. A published wave's figures
 * are frozen. Who may validate is approval's rule ({@link Validators}); the wave's validation
 * columns are survey's, written here.
 */
@Singleton
public class WaveApproval {
  private static final String ENTITY = "surveyWaveValidation";

  private final DataSource dataSource;
  private final Validators validators;
  private final ApprovalStore people;
  private final SecurityService security;
  private final AuditLog audit;

  WaveApproval(
      DataSource dataSource,
      Validators validators,
      ApprovalStore people,
      SecurityService security,
      AuditLog audit) {
    this.dataSource = dataSource;
    this.validators = validators;
    this.people = people;
    this.security = security;
    this.audit = audit;
  }

  /** PROVISIONAL, VALIDATED or PUBLISHED, with who validated it and who last changed its data. */
  @Serdeable
  public record WaveStatus(
      String survey,
      String wave,
      String status,
      @Nullable String validatedBy,
      @Nullable Instant validatedAt,
      @Nullable String changedBy) {}

  private record Row(long id, boolean published, boolean hasFigures, WaveStatus status) {}

  /**
   * Call in the transaction that changes a wave's microdata or aggregates: refused (409) once the
   * wave is published; otherwise the wave is provisional again and the writer is recorded.
   */
  public void changed(long waveId) throws SQLException {
    String user = security.username().orElse("system");
    Row row = row("w.id = :id", Map.of("id", waveId));
    if (row.published()) {
      throw ApiException.conflict("wave", "approval.wavePublished", row.status().wave());
    }
    update(
        """
        UPDATE survey_wave SET validated_by = NULL, validated_at = NULL, changed_by = :user
        WHERE id = :id
        """,
        Map.of("user", user, "id", waveId));
    if (row.status().validatedBy() != null) {
      audit.updated(
          ENTITY, key(row), row.status(), row("w.id = :id", Map.of("id", waveId)).status());
    }
  }

  /** PROVISIONAL, VALIDATED or PUBLISHED: what the estimates answer says of its figures. */
  public String state(long waveId) throws SQLException {
    return row("w.id = :id", Map.of("id", waveId)).status().status();
  }

  /** Call before publishing a wave: its estimates must have been validated. */
  public void requireValidated(long waveId) throws SQLException {
    Row row = row("w.id = :id", Map.of("id", waveId));
    if (row.status().validatedBy() == null) {
      throw ApiException.conflict("wave", "approval.waveNotValidated", row.status().wave());
    }
  }

  @Transactional(readOnly = true)
  public WaveStatus status(String survey, String wave) throws SQLException {
    return find(survey, wave).status();
  }

  @Transactional
  public WaveStatus validate(
      String survey, String wave, Authentication auth, @Nullable String reason)
      throws SQLException {
    Row row = checked(survey, wave, auth);
    if (!row.hasFigures()) {
      throw ApiException.invalid("wave", "approval.waveEmpty", wave);
    }
    if (row.status().validatedBy() == null) {
      update(
          "UPDATE survey_wave SET validated_by = :user, validated_at = now() WHERE id = :id",
          Map.of("user", auth.getName(), "id", row.id()));
    }
    WaveStatus after = find(survey, wave).status();
    audit.updated(ENTITY, key(row), row.status(), after, blank(reason));
    return after;
  }

  @Transactional
  public WaveStatus withdraw(
      String survey, String wave, Authentication auth, @Nullable String reason)
      throws SQLException {
    Row row = checked(survey, wave, auth);
    if (row.published()) {
      throw ApiException.conflict("wave", "approval.wavePublished", wave);
    }
    if (row.status().validatedBy() == null) {
      throw ApiException.conflict("wave", "approval.waveNotValidated", wave);
    }
    update(
        "UPDATE survey_wave SET validated_by = NULL, validated_at = NULL WHERE id = :id",
        Map.of("id", row.id()));
    WaveStatus after = find(survey, wave).status();
    audit.updated(ENTITY, key(row), row.status(), after, blank(reason));
    return after;
  }

  /** The wave, locked, after the validator rule: the loader's institution stands for the data's. */
  private Row checked(String survey, String wave, Authentication auth) throws SQLException {
    Row row = find(survey, wave);
    lock(row.id());
    row = find(survey, wave);
    ApprovalStore.Person person = people.person(auth.getName());
    String loader = row.status().changedBy();
    ApprovalStore.Person loaderPerson =
        loader == null ? new ApprovalStore.Person(null, null) : people.person(loader);
    boolean sameInstitution =
        loaderPerson.institutionId() == null
            || loaderPerson.institutionId().equals(person.institutionId());
    validators.check(
        auth,
        new Validators.Stake(
            survey + "/" + wave,
            auth.getName().equals(loader) ? 1 : 0,
            sameInstitution ? 1 : 0,
            person.institution()));
    return row;
  }

  private Row find(String survey, String wave) throws SQLException {
    Row row = row("s.code = :survey AND w.code = :wave", Map.of("survey", survey, "wave", wave));
    if (row == null) {
      throw ApiException.notFound("surveyWave", survey + "/" + wave);
    }
    return row;
  }

  private Row row(String where, Map<String, Object> parameters) throws SQLException {
    String sql =
        """
        SELECT w.id, w.published,
               w.respondents > 0
                 OR EXISTS (SELECT 1 FROM survey_aggregate a WHERE a.wave_id = w.id) AS has_figures,
               s.code AS survey, w.code AS wave, w.validated_by, w.validated_at, w.changed_by
        FROM survey_wave w JOIN survey s ON s.id = w.survey_id WHERE \
        """
            + where;
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, sql)) {
      for (var p : parameters.entrySet()) {
        s.setObject(p.getKey(), p.getValue());
      }
      try (var r = s.executeQuery()) {
        if (!r.next()) {
          return null;
        }
        boolean published = r.getBoolean("published");
        String validatedBy = r.getString("validated_by");
        String state =
            published
                ? "PUBLISHED"
                : validatedBy == null ? PeriodValidation.PROVISIONAL : PeriodValidation.VALIDATED;
        var at = r.getTimestamp("validated_at");
        return new Row(
            r.getLong("id"),
            published,
            r.getBoolean("has_figures"),
            new WaveStatus(
                r.getString("survey"),
                r.getString("wave"),
                state,
                validatedBy,
                at == null ? null : at.toInstant(),
                r.getString("changed_by")));
      }
    }
  }

  private void lock(long waveId) throws SQLException {
    update("SELECT 1 FROM survey_wave WHERE id = :id FOR UPDATE", Map.of("id", waveId));
  }

  private void update(String sql, Map<String, Object> parameters) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, sql)) {
      for (var p : parameters.entrySet()) {
        s.setObject(p.getKey(), p.getValue());
      }
      s.execute();
    }
  }

  private static String key(Row row) {
    return row.status().survey() + "/" + row.status().wave();
  }

  private static String blank(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
