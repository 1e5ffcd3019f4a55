package org.atalaya.web.admin;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * The audit log page: the filters as typed, one page of entries newest first, links to the pages
 * around it and to the same filter as CSV (the API's).
 */
public record AuditPage(
    Filters filters,
    List<Row> rows,
    long total,
    int page,
    int pages,
    String csv,
    @Nullable String previous,
    @Nullable String next,
    List<String> actions,
    List<String> errors) {

  public AuditPage {
    rows = List.copyOf(rows);
    errors = List.copyOf(errors);
  }

  public record Filters(
      @Nullable String actor,
      @Nullable String entity,
      @Nullable String key,
      @Nullable String action,
      @Nullable String from,
      @Nullable String to) {}

  /** One change; before and after as "field: value" lines, printed as text. */
  public record Row(
      long id,
      String at,
      String actor,
      String action,
      String entity,
      String key,
      List<String> before,
      List<String> after,
      @Nullable String reason) {}
}
