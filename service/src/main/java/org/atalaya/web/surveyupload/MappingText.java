package org.atalaya.web.surveyupload;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.ApiException.FieldError;
import org.atalaya.shared.Codes;
import org.atalaya.survey.MappingDoc;
import org.atalaya.web.surveyupload.SurveyUploadPage.MappingForm;

/**
 * A column mapping as people type it: one {@code variable = column} per line (a {@code :} works
 * too), blank lines and lines starting with {@code #} ignored. The survey service then checks that
 * every variable is the survey's own.
 */
final class MappingText {
  private MappingText() {}

  static MappingDoc parse(MappingForm form) {
    List<FieldError> errors = new ArrayList<>();
    if (form.name().isEmpty()) {
      errors.add(new FieldError("name", "NotBlank"));
    } else if (!form.name().matches(Codes.PATTERN) || form.name().length() > 80) {
      errors.add(new FieldError("name", "Pattern"));
    }
    MappingDoc.SourceFormat format = format(form.format(), errors);
    Map<String, String> columns = new LinkedHashMap<>();
    String[] lines = form.columns().split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int at = separator(line);
      String variable = at < 0 ? "" : line.substring(0, at).strip();
      String column = at < 0 ? "" : line.substring(at + 1).strip();
      if (variable.isEmpty() || column.isEmpty()) {
        errors.add(new FieldError("columns[" + (i + 1) + "]", "format", "variable = columna"));
      } else {
        columns.put(variable, column);
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    String id = form.respondentId().isEmpty() ? null : form.respondentId();
    return new MappingDoc(form.name(), format, id, columns, null);
  }

  /** Back to text, for editing a saved mapping. */
  static String text(MappingDoc doc) {
    StringBuilder out = new StringBuilder();
    doc.columns().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.append(e.getKey()).append(" = ").append(e.getValue()).append('\n'));
    return out.toString();
  }

  private static int separator(String line) {
    int eq = line.indexOf('=');
    return eq >= 0 ? eq : line.indexOf(':');
  }

  private static MappingDoc.SourceFormat format(String text, List<FieldError> errors) {
    for (MappingDoc.SourceFormat f : MappingDoc.SourceFormat.values()) {
      if (f.name().equals(text.toUpperCase(Locale.ROOT))) {
        return f;
      }
    }
    if (!text.isEmpty()) {
      errors.add(new FieldError("format", "enumValue", text, "KOBO, ODK, PLAIN"));
    }
    return MappingDoc.SourceFormat.PLAIN;
  }
}
