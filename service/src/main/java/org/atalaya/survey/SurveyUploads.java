package org.atalaya.survey;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.atalaya.measurement.CsvRowSource;

/**
 * For the survey upload pages: the surveys, waves and mappings to choose from, saving a mapping,
 * and a wave's microdata from a file already on disk, read exactly as the microdata API reads it.
 */
@Singleton
public class SurveyUploads {
  private final SurveyService surveys;
  private final MicrodataImport imports;

  SurveyUploads(SurveyService surveys, MicrodataImport imports) {
    this.surveys = surveys;
    this.imports = imports;
  }

  public List<SurveyDoc> surveys() throws SQLException {
    return surveys.list();
  }

  public SurveyDoc survey(String code) throws SQLException {
    return surveys.require(code).doc();
  }

  public List<WaveDoc> waves(String code) throws SQLException {
    return surveys.waves(code);
  }

  public List<MappingDoc> mappings(String code) throws SQLException {
    return surveys.mappings(code);
  }

  public MappingDoc saveMapping(String code, MappingDoc doc) throws SQLException {
    return surveys.saveMapping(code, doc);
  }

  /** A CSV (UTF-8 or Latin-1) or XLSX, told apart by the file's name. */
  public ImportReport load(
      String code,
      String wave,
      @Nullable String mapping,
      String file,
      Path path,
      boolean dryRun,
      Locale locale)
      throws IOException, SQLException {
    var survey = surveys.require(code);
    var w = surveys.wave(survey, wave);
    MappingDoc map = mapping == null ? MappingDoc.identity() : surveys.mapping(survey, mapping);
    if (file.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
      var source = SheetChoice.open(file, path, null, survey.doc(), map);
      var upload = new MicrodataImport.Upload(file, source.sheetUsed(), null, dryRun);
      return imports.load(survey, w, map, upload, source, locale);
    }
    TextEncoding encoding = TextEncoding.detect(path);
    try (InputStream text = encoding.open(path)) {
      var upload = new MicrodataImport.Upload(file, null, encoding.label(), dryRun);
      return imports.load(survey, w, map, upload, new CsvRowSource(file, text), locale);
    }
  }
}
