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
    List<Option> entities,
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

  /** One change: the entity by its name, and what changed, field by field. */
  public record Row(
      long id,
      String at,
      String actor,
      String action,
      String entity,
      String key,
      Changes changes,
      @Nullable String reason) {}

  /**
   * @param lines at most a dozen fields
   * @param more how many further fields changed
   */
  public record Changes(List<Change> lines, int more) {}

  /**
   * One field: old value → new value; {@code before} null for a creation, {@code after} null for a
   * deletion; {@code field} empty when the entry recorded a single value.
   */
  public record Change(String field, @Nullable String before, @Nullable String after) {}

  /** An entity to filter by: its code and its name. */
  public record Option(String code, String name) {}
}
