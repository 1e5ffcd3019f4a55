package org.atalaya.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.ApiException.FieldError;
import org.atalaya.shared.Codes;
import org.atalaya.shared.Messages;

/**
 * A survey defined from its form: an XLSForm workbook, or a KoboToolbox asset's JSON. The form
 * gives the questions; the analyst names the design's variables (weights, strata, PSU, sex,
 * territory). {@code dryRun=true} shows the definition without saving it. The answer names every
 * question left out and why.
 */
@Controller("/api/surveys/forms")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Encuestas")
class FormController {
  private final SurveyService surveys;
  private final Messages messages;

  FormController(SurveyService surveys, Messages messages) {
    this.surveys = surveys;
    this.messages = messages;
  }

  @Serdeable
  record Unsupported(String name, String type, String message) {}

  @Serdeable
  record FormImport(SurveyDoc survey, boolean saved, List<Unsupported> unsupported) {}

  @Post(
      consumes = {
        MicrodataController.XLSX,
        "application/vnd.ms-excel",
        MediaType.APPLICATION_JSON,
        MediaType.APPLICATION_OCTET_STREAM
      })
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<FormImport> define(
      HttpRequest<?> request,
      @Nullable @Body InputStream body,
      @QueryValue String code,
      @QueryValue String name,
      @QueryValue String weights,
      @Nullable @QueryValue String strata,
      @Nullable @QueryValue String psu,
      @Nullable @QueryValue String sex,
      @Nullable @QueryValue String territory,
      @QueryValue(defaultValue = "formulario.xlsx") String file,
      @QueryValue(defaultValue = "false") boolean dryRun)
      throws IOException, SQLException {
    if (body == null) {
      throw ApiException.invalid(file, "emptyFile");
    }
    var design =
        new FormSurvey.Design(
            code.strip(),
            name.strip(),
            Arrays.stream(weights.split(",")).map(String::strip).filter(w -> !w.isEmpty()).toList(),
            blank(strata),
            blank(psu),
            blank(sex),
            blank(territory));
    check(design);
    boolean json =
        request.getContentType().map(t -> t.getSubtype().endsWith("json")).orElse(false)
            || file.toLowerCase(Locale.ROOT).endsWith(".json");
    FormQuestions form = json ? KoboAssetReader.read(file, body) : XlsFormReader.read(file, body);
    var result = FormSurvey.build(form, design);
    if (result.survey().items().isEmpty()) {
      throw ApiException.invalid(file, "xlsform.noItems");
    }
    SurveyDoc saved = dryRun ? result.survey() : surveys.save(null, result.survey());
    Locale locale = messages.locale(request);
    List<Unsupported> skipped =
        result.skipped().stream()
            .map(
                s ->
                    new Unsupported(s.name(), s.type(), messages.get(locale, s.reason(), s.type())))
            .toList();
    var answer = new FormImport(saved, !dryRun, skipped);
    return dryRun ? HttpResponse.ok(answer) : HttpResponse.created(answer);
  }

  private static void check(FormSurvey.Design design) {
    List<FieldError> errors = new ArrayList<>();
    if (!design.code().matches(Codes.PATTERN) || design.code().length() > 40) {
      errors.add(new FieldError("code", "xlsform.code", design.code()));
    }
    if (design.name().isEmpty() || design.name().length() > 300) {
      errors.add(new FieldError("name", "NotBlank"));
    }
    if (design.weights().isEmpty()) {
      errors.add(new FieldError("weights", "NotBlank"));
    }
    List<String> variables = new ArrayList<>(design.weights());
    Arrays.asList(design.strata(), design.psu(), design.sex(), design.territory())
        .forEach(
            v -> {
              if (v != null) {
                variables.add(v);
              }
            });
    for (String v : variables) {
      if (!v.matches(SurveyDoc.VARIABLE)) {
        errors.add(new FieldError("weights", "xlsform.variableName", v));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
  }

  @Nullable
  private static String blank(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
