package org.atalaya.web.execution;

import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atalaya.execution.Activity;
import org.atalaya.execution.ActivityState;
import org.atalaya.execution.Execution;
import org.atalaya.shared.Messages;

/**
 * The execution page of one card or project: its summary, one form per activity (with what was
 * typed and its problems when a post was refused), a form for a new activity and one for a quarter.
 */
public record EditPage(
    String title,
    String publicUrl,
    String base,
    ExecutionView view,
    List<Row> rows,
    Row fresh,
    Row budget,
    List<Option> states,
    @Nullable String saved,
    boolean refused) {

  public record Option(String value, String label) {}

  /** One form: where it posts, the values shown in its fields and the problem beside each. */
  public record Row(
      @Nullable Long id,
      String action,
      boolean fresh,
      Map<String, String> values,
      Map<String, String> errors) {}

  /** The form a refused post came from ({@code id}: an activity; null: new; -1: the budget). */
  record Edit(@Nullable Long id, Map<String, String> values, Map<String, String> errors) {
    static Edit none() {
      return new Edit(-2L, Map.of(), Map.of());
    }

    boolean is(@Nullable Long form) {
      return java.util.Objects.equals(id, form);
    }
  }

  static EditPage of(
      Execution.Part part, String publicUrl, Edit edit, @Nullable String saved, Locale locale) {
    String base = publicUrl + "/ejecucion";
    List<Row> rows = new ArrayList<>();
    for (Activity a : part.activities()) {
      String action = base + "/actividades/" + a.id();
      rows.add(
          new Row(
              a.id(),
              action,
              false,
              edit.is(a.id()) ? edit.values() : values(a),
              edit.is(a.id()) ? edit.errors() : Map.of()));
    }
    Row fresh =
        new Row(
            null,
            base + "/actividades",
            true,
            edit.is(null) ? edit.values() : Map.of("state", "PLANNED"),
            edit.is(null) ? edit.errors() : Map.of());
    rows.add(fresh);
    Row budget =
        new Row(
            -1L,
            base + "/presupuesto",
            false,
            edit.is(-1L) ? edit.values() : Map.of(),
            edit.is(-1L) ? edit.errors() : Map.of());
    List<Option> states = new ArrayList<>();
    for (ActivityState s : ActivityState.values()) {
      states.add(new Option(s.name(), Messages.format(locale, "web.execution.state." + s)));
    }
    return new EditPage(
        Messages.format(locale, "web.execution.editTitle", part.name()),
        publicUrl,
        base,
        ExecutionView.of(part, base, locale),
        rows,
        fresh,
        budget,
        states,
        saved,
        edit.id() == null || edit.id() != -2L);
  }

  private static Map<String, String> values(Activity a) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("name", a.name());
    v.put("plannedStart", text(a.plannedStart()));
    v.put("plannedEnd", text(a.plannedEnd()));
    v.put("actualStart", text(a.actualStart()));
    v.put("actualEnd", text(a.actualEnd()));
    v.put("state", a.state().name());
    v.put("note", a.note() == null ? "" : a.note());
    v.put("version", Integer.toString(a.version()));
    return v;
  }

  private static String text(@Nullable Object o) {
    return o == null ? "" : o.toString();
  }
}
