package org.atalaya.survey;

import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.atalaya.audit.AuditLog;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.Messages;

/**
 * A survey's server: its configuration (credentials sealed on the way in) and its pulls. A pull
 * reads every submission first, outside any transaction, and only then hands them to the same
 * ingestion as an uploaded file: same checks, preview on a dry run, report and audit, all or
 * nothing. A failed pull stores nothing but its outcome.
 */
@Singleton
class ServerPull {
  private final SurveyService surveys;
  private final ServerStore store;
  private final ServerSecrets secrets;
  private final MicrodataImport imports;
  private final PullSettings settings;
  private final AuditLog audit;
  private final ObjectMapper json;

  ServerPull(
      SurveyService surveys,
      ServerStore store,
      ServerSecrets secrets,
      MicrodataImport imports,
      PullSettings settings,
      AuditLog audit,
      ObjectMapper json) {
    this.surveys = surveys;
    this.store = store;
    this.secrets = secrets;
    this.imports = imports;
    this.settings = settings;
    this.audit = audit;
    this.json = json;
  }

  /** What a pull did: pages read, submissions accepted and rejected, and the upload's report. */
  @Serdeable
  record PullReport(String source, int pages, int submissions, int rejected, ImportReport upload) {}

  @Transactional(readOnly = true)
  ServerDoc.View get(String code) throws SQLException {
    var survey = surveys.require(code);
    return store
        .find(survey.id())
        .map(ServerStore.Stored::view)
        .orElseThrow(() -> ApiException.notFound("surveyServer", code));
  }

  @Transactional
  ServerDoc.View save(String code, ServerDoc doc) throws SQLException, IOException {
    var survey = surveys.require(code);
    var existing = store.find(survey.id());
    if (doc.kind() == ServerDoc.Kind.ODK && (doc.project() == null || doc.project().isBlank())) {
      throw ApiException.invalid("project", "NotBlank");
    }
    if (doc.scheduledWave() != null) {
      surveys.wave(survey, doc.scheduledWave());
    }
    if (doc.mapping() != null) {
      surveys.mapping(survey, doc.mapping());
    }
    byte[] sealed;
    var given = new ServerDoc.Credential(doc.token(), doc.email(), doc.password());
    boolean complete =
        switch (doc.kind()) {
          case KOBO -> filled(doc.token());
          case ODK -> filled(doc.email()) && filled(doc.password());
        };
    if (complete) {
      sealed = secrets.seal(json.writeValueAsBytes(given));
    } else if (existing.isPresent()
        && existing.get().view().kind() == doc.kind()
        && !filled(doc.token())
        && !filled(doc.email())
        && !filled(doc.password())) {
      sealed = existing.get().credential();
    } else {
      throw ApiException.invalid(
          doc.kind() == ServerDoc.Kind.KOBO ? "token" : "password", "pull.credentialRequired");
    }
    store.save(survey.id(), doc, sealed);
    var view = store.find(survey.id()).orElseThrow().view();
    if (existing.isEmpty()) {
      audit.created("surveyServer", code, view);
    } else {
      audit.updated("surveyServer", code, existing.get().view(), view);
    }
    return view;
  }

  @Transactional
  void delete(String code) throws SQLException {
    var survey = surveys.require(code);
    var existing = store.find(survey.id());
    if (existing.isEmpty() || !store.delete(survey.id())) {
      throw ApiException.notFound("surveyServer", code);
    }
    audit.deleted("surveyServer", code, existing.get().view());
  }

  /** Pulls the survey's server into a wave (not transactional: nothing is held while fetching). */
  PullReport pull(String code, String waveCode, boolean dryRun, Locale locale)
      throws SQLException, IOException {
    var survey = surveys.require(code);
    var wave = surveys.wave(survey, waveCode);
    var server =
        store.find(survey.id()).orElseThrow(() -> ApiException.notFound("surveyServer", code));
    var view = server.view();
    MappingDoc mapping =
        view.mapping() != null
            ? surveys.mapping(survey, view.mapping())
            : new MappingDoc(
                "_" + view.kind().name().toLowerCase(Locale.ROOT),
                view.kind() == ServerDoc.Kind.KOBO
                    ? MappingDoc.SourceFormat.KOBO
                    : MappingDoc.SourceFormat.ODK,
                null,
                Map.of(),
                null);
    String source =
        view.kind() == ServerDoc.Kind.KOBO
            ? "kobotoolbox:" + view.form()
            : "odk-central:" + view.project() + "/" + view.form();
    Submissions submissions;
    try {
      var credential =
          json.readValue(
              new String(secrets.open(server.credential()), StandardCharsets.UTF_8),
              ServerDoc.Credential.class);
      submissions = ServerFetch.fetch(view, credential, settings);
      if (submissions.accepted() == 0) {
        throw ApiException.invalid("server", "pull.empty", submissions.rejected());
      }
    } catch (ApiException failure) {
      if (!dryRun) {
        var reason = failure.fieldErrors().get(0);
        store.pulled(
            survey.id(),
            Instant.now(),
            Messages.format(
                Messages.DEFAULT,
                "survey.pull.failed",
                Messages.format(Messages.DEFAULT, "violation." + reason.code(), reason.args())));
      }
      throw failure;
    }
    var upload = new MicrodataImport.Upload(source, null, null, dryRun);
    ImportReport report = imports.load(survey, wave, mapping, upload, submissions, locale);
    if (!dryRun) {
      store.pulled(
          survey.id(),
          Instant.now(),
          Messages.format(
              Messages.DEFAULT,
              report.committed() ? "survey.pull.loaded" : "survey.pull.refused",
              waveCode,
              submissions.accepted(),
              submissions.rejected()));
    }
    return new PullReport(
        source, submissions.pages(), submissions.accepted(), submissions.rejected(), report);
  }

  private static boolean filled(String text) {
    return text != null && !text.isBlank();
  }
}
