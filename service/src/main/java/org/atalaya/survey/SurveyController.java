package org.atalaya.survey;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.sql.SQLException;
import java.util.List;
import org.atalaya.security.Role;

/**
 * Survey definitions, waves and saved column mappings. Definitions are staff reading (they name the
 * microdata's variables); estimates of published waves are public elsewhere.
 */
@Controller("/api/surveys")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Encuestas")
class SurveyController {
  private final SurveyService surveys;

  SurveyController(SurveyService surveys) {
    this.surveys = surveys;
  }

  @Get
  @Secured(SecurityRule.IS_AUTHENTICATED)
  List<SurveyDoc> list() throws SQLException {
    return surveys.list();
  }

  /** Anyone: surveys with published waves, their questions and those waves. */
  @Get("/published")
  @Secured(SecurityRule.IS_ANONYMOUS)
  List<PublishedSurvey> published() throws SQLException {
    return surveys.published();
  }

  @Get("/{code}")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  SurveyDoc get(String code) throws SQLException {
    return surveys.require(code).doc();
  }

  @Post
  @Status(HttpStatus.CREATED)
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  SurveyDoc create(@Body @Valid SurveyDoc doc) throws SQLException {
    return surveys.save(null, doc);
  }

  @Put("/{code}")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  SurveyDoc update(String code, @Body @Valid SurveyDoc doc) throws SQLException {
    return surveys.save(code, doc);
  }

  @Delete("/{code}")
  @Status(HttpStatus.NO_CONTENT)
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  void delete(String code) throws SQLException {
    surveys.delete(code);
  }

  @Get("/{code}/waves")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  List<WaveDoc> waves(String code) throws SQLException {
    return surveys.waves(code);
  }

  @Post("/{code}/waves")
  @Status(HttpStatus.CREATED)
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  WaveDoc createWave(String code, @Body @Valid WaveDoc doc) throws SQLException {
    return surveys.saveWave(code, null, doc);
  }

  @Put("/{code}/waves/{wave}")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  WaveDoc updateWave(String code, String wave, @Body @Valid WaveDoc doc) throws SQLException {
    return surveys.saveWave(code, wave, doc);
  }

  @Delete("/{code}/waves/{wave}")
  @Status(HttpStatus.NO_CONTENT)
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  void deleteWave(String code, String wave) throws SQLException {
    surveys.deleteWave(code, wave);
  }

  @Get("/{code}/mappings")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  List<MappingDoc> mappings(String code) throws SQLException {
    return surveys.mappings(code);
  }

  @Put("/{code}/mappings/{name}")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  MappingDoc saveMapping(String code, String name, @Body @Valid MappingDoc doc)
      throws SQLException {
    if (!name.equals(doc.name())) {
      throw org.atalaya.shared.ApiException.invalid("name", "format", name);
    }
    return surveys.saveMapping(code, doc);
  }

  @Delete("/{code}/mappings/{name}")
  @Status(HttpStatus.NO_CONTENT)
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  void deleteMapping(String code, String name) throws SQLException {
    surveys.deleteMapping(code, name);
  }
}
