package org.atalaya.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import org.atalaya.measurement.CsvRowSource;
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.Messages;
import org.atalaya.shared.UploadSpool;

/**
 * A wave's microdata in: a CSV (UTF-8 or Latin-1) or XLSX in the request body, read through a saved
 * mapping ({@code mapping=}) or, without one, with every variable in the column of its name. {@code
 * dryRun=true} checks and previews without storing.
 */
@Controller("/api/surveys/{code}/waves/{wave}/microdata")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Encuestas")
class MicrodataController {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final SurveyService surveys;
  private final MicrodataImport imports;
  private final Messages messages;
  private final UploadSpool spool;

  MicrodataController(
      SurveyService surveys, MicrodataImport imports, Messages messages, UploadSpool spool) {
    this.surveys = surveys;
    this.imports = imports;
    this.messages = messages;
    this.spool = spool;
  }

  @Post(consumes = {"text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<ImportReport> upload(
      HttpRequest<?> request,
      String code,
      String wave,
      @Nullable @Body InputStream body,
      @QueryValue(defaultValue = "microdatos.csv") String file,
      @Nullable @QueryValue String mapping,
      @Nullable @QueryValue String format,
      @Nullable @QueryValue String sheet,
      @QueryValue(defaultValue = "false") boolean dryRun)
      throws IOException, SQLException {
    var survey = surveys.require(code);
    var w = surveys.wave(survey, wave);
    MappingDoc map = mapping == null ? MappingDoc.identity() : surveys.mapping(survey, mapping);
    if (body == null) {
      throw ApiException.invalid(file, "emptyFile");
    }
    boolean xlsx =
        format != null
            ? format.equalsIgnoreCase("xlsx")
            : request.getContentType().map(t -> t.toString().startsWith(XLSX)).orElse(false)
                || file.toLowerCase(Locale.ROOT).endsWith(".xlsx");
    Locale locale = messages.locale(request);
    Path spooled = spool.spool(body, "atalaya-survey-", xlsx ? ".xlsx" : ".csv");
    try {
      ImportReport report;
      if (xlsx) {
        var source = SheetChoice.open(file, spooled, sheet, survey.doc(), map);
        var upload = new MicrodataImport.Upload(file, source.sheetUsed(), null, dryRun);
        report = imports.load(survey, w, map, upload, source, locale);
      } else {
        TextEncoding encoding = TextEncoding.detect(spooled);
        try (InputStream text = encoding.open(spooled)) {
          var upload = new MicrodataImport.Upload(file, null, encoding.label(), dryRun);
          report = imports.load(survey, w, map, upload, new CsvRowSource(file, text), locale);
        }
      }
      boolean refused = !report.dryRun() && !report.committed();
      return HttpResponse.status(refused ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK)
          .body(report);
    } finally {
      Files.deleteIfExists(spooled);
    }
  }
}
