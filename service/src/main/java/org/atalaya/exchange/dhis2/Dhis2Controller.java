package org.atalaya.exchange.dhis2;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;

/**
 * DHIS2 data in: a {@code dataValueSets} file (JSON or CSV) or an ADX file, with the mapping that
 * says what its data elements, combos and org units are here, answered with DHIS2's import summary.
 * {@code format} is {@code json}, {@code csv} or {@code adx} (else the file's extension decides).
 */
@Controller("/api/imports/dhis2")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Importación DHIS2")
class Dhis2Controller {
  private final Dhis2Import imports;

  Dhis2Controller(Dhis2Import imports) {
    this.imports = imports;
  }

  @Post(consumes = MediaType.MULTIPART_FORM_DATA)
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<ImportSummary> upload(
      Authentication auth,
      @Part("mapping") CompletedFileUpload mapping,
      @Part("file") CompletedFileUpload file,
      @Nullable @QueryValue String format,
      @QueryValue(defaultValue = "false") boolean dryRun,
      @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String language)
      throws IOException {
    Locale locale =
        language != null && language.toLowerCase(Locale.ROOT).startsWith("en")
            ? Locale.ENGLISH
            : Locale.forLanguageTag("es-PA");
    String name = file.getFilename();
    String kind = format != null ? format.toLowerCase(Locale.ROOT) : extension(name);
    Dhis2Mapping map;
    try {
      map = Dhis2Mapping.parse(mapping.getBytes());
    } catch (IOException e) {
      throw ApiException.invalid(mapping.getFilename(), "dhis2Mapping");
    }
    List<Dhis2Value> values;
    try {
      values =
          switch (kind) {
            case "json" -> Dhis2Files.json(file.getBytes());
            case "csv" -> Dhis2Files.csv(file.getBytes());
            case "adx", "xml" -> Dhis2Files.adx(file.getBytes());
            default -> throw ApiException.invalid(name, "dhis2Format");
          };
    } catch (IOException e) {
      throw ApiException.invalid(name, "dhis2File");
    }
    ImportSummary summary = imports.run(name, values, map, dryRun, auth.getName(), locale);
    return summary.status().equals("SUCCESS")
        ? HttpResponse.ok(summary)
        : HttpResponse.<ImportSummary>status(io.micronaut.http.HttpStatus.CONFLICT).body(summary);
  }

  private static String extension(String name) {
    int dot = name == null ? -1 : name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
