package org.atalaya.web.entry;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One measurement as typed into the form, every field as text: the ingestion's own checks judge
 * them, exactly as they judge a file's cells, so the form and the upload can never disagree. The
 * CSRF field rides along in the same body, hence the ignored unknown properties.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record EntryForm(
    @Nullable String indicator,
    @Nullable String period,
    @Nullable String sex,
    @Nullable String territory,
    @Nullable String value,
    @Nullable String numerator,
    @Nullable String denominator,
    @Nullable String source,
    @Nullable String status,
    @Nullable String reason) {

  static EntryForm blank() {
    return new EntryForm(null, null, "_T", null, null, null, null, null, "PROVISIONAL", null);
  }

  /** Why the figure changes; required to correct a published one. Blank is none. */
  @Nullable
  String why() {
    return reason == null || reason.isBlank() ? null : reason.strip();
  }

  /** The fields under the upload's English column names, which problems are reported by. */
  Map<String, String> columns() {
    Map<String, String> cells = new LinkedHashMap<>();
    cells.put("indicator", indicator);
    cells.put("period", period);
    cells.put("sex", sex);
    cells.put("territory", territory);
    cells.put("value", value);
    cells.put("numerator", numerator);
    cells.put("denominator", denominator);
    cells.put("source", source);
    // Uploads never validate (docs/approval.md): whatever a form posts, the figure is provisional.
    cells.put("status", "");
    return cells;
  }

  /** After a save the same indicator and place are likely next; the figures are not. */
  EntryForm next() {
    return new EntryForm(indicator, period, sex, territory, null, null, null, source, status, null);
  }
}
