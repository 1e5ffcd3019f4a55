package org.atalaya.measurement;

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
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.Messages;
import org.atalaya.shared.UploadSpool;

/**
 * Measurements in: a JSON batch, or a CSV or XLSX file in the request body. Every way goes through
 * the same checks and the same all-or-nothing merge; {@code dryRun=true} reports without storing,
 * {@code keepValid=true} stores the good rows of a file that has bad ones.
 */
@Controller("/api/measurements")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Mediciones")
class MeasurementController {
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private final MeasurementIngestion ingestion;
  private final Messages messages;
  private final UploadSpool spool;

  MeasurementController(MeasurementIngestion ingestion, Messages messages, UploadSpool spool) {
    this.ingestion = ingestion;
    this.messages = messages;
    this.spool = spool;
  }

  @Post(consumes = MediaType.APPLICATION_JSON)
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<UploadView> batch(
      HttpRequest<?> request,
      Authentication auth,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @io.swagger.v3.oas.annotations.media.Content(
                      array =
                          @io.swagger.v3.oas.annotations.media.ArraySchema(
                              schema =
                                  @io.swagger.v3.oas.annotations.media.Schema(
                                      implementation = MeasurementInput.class))))
          @Nullable
          @Body
          byte[] body,
      @QueryValue(defaultValue = "false") boolean dryRun,
      @QueryValue(defaultValue = "false") boolean keepValid,
      @Nullable @QueryValue String reason)
      throws IOException {
    var options = new MeasurementIngestion.Options(dryRun, keepValid, reason, auth.getName());
    if (body == null || body.length == 0) {
      throw ApiException.invalid("json", "jsonArray");
    }
    return answer(request, ingestion.ingest("json", null, new JsonBatch(body), options));
  }

  /**
   * A file in the body: {@code text/csv} or the XLSX media type ({@code format} overrides). The
   * file is read as it streams in; an XLSX is first spooled to a temporary file.
   */
  @Post(
      value = "/upload",
      consumes = {"text/csv", XLSX, MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<UploadView> upload(
      HttpRequest<?> request,
      Authentication auth,
      @Nullable @Body InputStream body,
      @QueryValue(defaultValue = "mediciones.csv") String file,
      @Nullable @QueryValue String format,
      @Nullable @QueryValue String sheet,
      @QueryValue(defaultValue = "false") boolean dryRun,
      @QueryValue(defaultValue = "false") boolean keepValid,
      @Nullable @QueryValue String reason)
      throws IOException {
    var options = new MeasurementIngestion.Options(dryRun, keepValid, reason, auth.getName());
    if (body == null) {
      throw ApiException.invalid(file, "emptyFile");
    }
    boolean xlsx =
        format != null
            ? format.equalsIgnoreCase("xlsx")
            : request.getContentType().map(t -> t.toString().startsWith(XLSX)).orElse(false)
                || file.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
    if (!xlsx) {
      return answer(request, ingestion.ingest(file, null, new CsvRowSource(file, body), options));
    }
    Path spooled = spool.spool(body, "atalaya-upload-", ".xlsx");
    try {
      var source = new XlsxRowSource(file, spooled, sheet);
      try {
        UploadReport report = ingestion.ingest(file, source.sheetUsed(), source, options);
        return answer(request, report);
      } catch (ApiException e) {
        if (sheet != null || source.sheetNames().size() < 2) {
          throw e;
        }
        // Say which sheet was read when the workbook has others: it may be the wrong one.
        var errors = new java.util.ArrayList<>(e.fieldErrors());
        errors.add(
            new ApiException.FieldError(
                file, "sheetChosen", source.sheetUsed(), String.join(", ", source.sheetNames())));
        throw ApiException.invalid(errors);
      }
    } finally {
      Files.deleteIfExists(spooled);
    }
  }

  private HttpResponse<UploadView> answer(HttpRequest<?> request, UploadReport report) {
    UploadView view = UploadView.of(report, messages.locale(request));
    boolean refused = !report.dryRun() && !report.committed();
    return HttpResponse.status(refused ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK)
        .body(view);
  }
}
