package org.atalaya.survey;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.atalaya.audit.AuditLog;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.ApiException.FieldError;
import org.atalaya.territory.TerritoryService;

/** Survey definitions, their waves and their saved column mappings. */
@Singleton
class SurveyService {
  private final SurveyStore store;
  private final TerritoryService territories;
  private final AuditLog audit;

  SurveyService(SurveyStore store, TerritoryService territories, AuditLog audit) {
    this.store = store;
    this.territories = territories;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  List<SurveyDoc> list() throws SQLException {
    return store.list().stream().map(SurveyStore.Stored::doc).toList();
  }

  /** Surveys with at least one published wave, as the public may see them. */
  @Transactional(readOnly = true)
  List<PublishedSurvey> published() throws SQLException {
    List<PublishedSurvey> out = new ArrayList<>();
    for (SurveyStore.Stored s : store.list()) {
      var waves =
          store.waves(s.id()).stream()
              .map(SurveyStore.Wave::doc)
              .filter(w -> Boolean.TRUE.equals(w.published()))
              .toList();
      if (!waves.isEmpty()) {
        out.add(PublishedSurvey.of(s.doc(), waves));
      }
    }
    return out;
  }

  @Transactional(readOnly = true)
  SurveyStore.Stored require(String code) throws SQLException {
    return store.find(code).orElseThrow(() -> ApiException.notFound("survey", code));
  }

  @Transactional
  SurveyDoc save(String existingCode, SurveyDoc doc) throws SQLException {
    SurveyStore.Stored existing = existingCode == null ? null : require(existingCode);
    if (existing == null && store.find(doc.code()).isPresent()) {
      throw ApiException.conflict("code", "duplicate", doc.code());
    }
    if (existing != null && !existing.doc().code().equals(doc.code())) {
      throw ApiException.invalid("code", "format", existing.doc().code());
    }
    SurveyChecks.check(doc, t -> territories.find(t).isPresent());
    store.save(existing == null ? null : existing.id(), doc);
    if (existing == null) {
      audit.created("survey", doc.code(), doc);
    } else {
      audit.updated("survey", doc.code(), existing.doc(), doc);
    }
    return doc;
  }

  @Transactional
  void delete(String code) throws SQLException {
    var survey = require(code);
    store.delete(survey.id());
    audit.deleted("survey", code, survey.doc());
  }

  @Transactional(readOnly = true)
  List<WaveDoc> waves(String code) throws SQLException {
    return store.waves(require(code).id()).stream().map(SurveyStore.Wave::doc).toList();
  }

  @Transactional(readOnly = true)
  SurveyStore.Wave wave(SurveyStore.Stored survey, String wave) throws SQLException {
    return store
        .wave(survey.id(), wave)
        .orElseThrow(() -> ApiException.notFound("surveyWave", wave));
  }

  @Transactional
  WaveDoc saveWave(String code, String existingWave, WaveDoc doc) throws SQLException {
    var survey = require(code);
    var existing = existingWave == null ? null : wave(survey, existingWave);
    if (existing == null && store.wave(survey.id(), doc.code()).isPresent()) {
      throw ApiException.conflict("code", "duplicate", doc.code());
    }
    if (existing != null && !existing.doc().code().equals(doc.code())) {
      throw ApiException.invalid("code", "format", existing.doc().code());
    }
    if (doc.periodEnd().isBefore(doc.periodStart())) {
      throw ApiException.invalid("periodEnd", "periodOrder");
    }
    store.saveWave(survey.id(), existing == null ? null : existing.id(), doc);
    if (existing == null) {
      audit.created("surveyWave", code + "/" + doc.code(), doc.withoutLoad());
    } else {
      audit.updated("surveyWave", code + "/" + doc.code(), existing.doc(), doc.withoutLoad());
    }
    return wave(survey, doc.code()).doc();
  }

  @Transactional
  void deleteWave(String code, String wave) throws SQLException {
    var survey = require(code);
    var w = wave(survey, wave);
    store.deleteWave(w.id());
    audit.deleted("surveyWave", code + "/" + wave, w.doc());
  }

  @Transactional(readOnly = true)
  List<MappingDoc> mappings(String code) throws SQLException {
    return store.mappings(require(code).id());
  }

  @Transactional(readOnly = true)
  MappingDoc mapping(SurveyStore.Stored survey, String name) throws SQLException {
    return store
        .mapping(survey.id(), name)
        .orElseThrow(() -> ApiException.notFound("surveyMapping", name));
  }

  /** A mapping may only name the survey's own variables; each column feeds one variable. */
  @Transactional
  MappingDoc saveMapping(String code, MappingDoc doc) throws SQLException {
    var survey = require(code);
    var variables = Variables.of(survey.doc());
    List<FieldError> errors = new ArrayList<>();
    doc.columns()
        .forEach(
            (variable, column) -> {
              if (!variables.known(variable)) {
                errors.add(
                    new FieldError(
                        "columns." + variable,
                        "survey.unknownVariable",
                        variable,
                        String.join(", ", variables.names())));
              } else if (column == null || column.isBlank()) {
                errors.add(new FieldError("columns." + variable, "NotBlank"));
              }
            });
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    store.saveMapping(survey.id(), doc);
    audit.created("surveyMapping", code + "/" + doc.name(), doc);
    return doc;
  }

  @Transactional
  void deleteMapping(String code, String name) throws SQLException {
    var survey = require(code);
    if (!store.deleteMapping(survey.id(), name)) {
      throw ApiException.notFound("surveyMapping", name);
    }
    audit.deleted("surveyMapping", code + "/" + name, name);
  }

  @Transactional
  void publish(SurveyStore.Wave wave, boolean published) throws SQLException {
    store.publish(wave.id(), published);
    audit.updated("surveyWave", wave.doc().code(), wave.doc().published(), published);
  }
}
