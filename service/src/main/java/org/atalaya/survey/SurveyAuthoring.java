package org.atalaya.survey;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.atalaya.shared.ApiException;
import org.atalaya.territory.TerritoryService;

/**
 * What the survey authoring pages may do: define or edit a survey, create a wave, bind an item to
 * an indicator — each judged by the same bean validation and service checks as the API, so a form
 * and the API never disagree.
 */
@Singleton
public class SurveyAuthoring {
  private final SurveyService surveys;
  private final IndicatorFeed feed;
  private final ServerPull pulls;
  private final TerritoryService territories;
  private final Validator validator;

  SurveyAuthoring(
      SurveyService surveys,
      IndicatorFeed feed,
      ServerPull pulls,
      TerritoryService territories,
      Validator validator) {
    this.surveys = surveys;
    this.feed = feed;
    this.pulls = pulls;
    this.territories = territories;
    this.validator = validator;
  }

  public List<SurveyDoc> surveys() throws SQLException {
    return surveys.list();
  }

  public SurveyDoc survey(String code) throws SQLException {
    return surveys.require(code).doc();
  }

  /**
   * The API's checks of a definition, without saving it (so a form shows every problem at once).
   */
  public void check(SurveyDoc doc) {
    valid(doc);
    SurveyChecks.check(doc, t -> territories.find(t).isPresent());
  }

  /** A new survey ({@code code} null) or an existing one replaced, as {@code POST}/{@code PUT}. */
  public SurveyDoc save(@Nullable String code, SurveyDoc doc) throws SQLException {
    valid(doc);
    return surveys.save(code, doc);
  }

  public List<WaveDoc> waves(String code) throws SQLException {
    return surveys.waves(code);
  }

  public WaveDoc createWave(String code, WaveDoc doc) throws SQLException {
    valid(doc);
    return surveys.saveWave(code, null, doc);
  }

  public List<IndicatorBinding> bindings(String code) throws SQLException {
    return feed.bindings(code);
  }

  public IndicatorBinding bind(String code, IndicatorBinding binding) throws SQLException {
    valid(binding);
    return feed.bind(code, binding);
  }

  public List<MappingDoc> mappings(String code) throws SQLException {
    return surveys.mappings(code);
  }

  /** The survey's server as a page may show it (credentials only as "guardada"), if any. */
  public Optional<ServerDoc.View> server(String code) throws SQLException {
    surveys.require(code);
    try {
      return Optional.of(pulls.get(code));
    } catch (ApiException e) {
      return Optional.empty();
    }
  }

  public ServerDoc.View saveServer(String code, ServerDoc doc) throws SQLException, IOException {
    valid(doc);
    return pulls.save(code, doc);
  }

  /** What a pull from the server did: its source, pages, submissions, and the upload's report. */
  public record Pulled(
      String source, int pages, int submissions, int rejected, ImportReport upload) {}

  /** A pull into a wave, a dry run or for real, through the same ingestion as an upload. */
  public Pulled pull(String code, String wave, boolean dryRun, Locale locale)
      throws SQLException, IOException {
    var r = pulls.pull(code, wave, dryRun, locale);
    return new Pulled(r.source(), r.pages(), r.submissions(), r.rejected(), r.upload());
  }

  private <T> void valid(T value) {
    var problems = validator.validate(value);
    if (!problems.isEmpty()) {
      throw new ConstraintViolationException(problems);
    }
  }
}
