package org.atalaya.plan;

import io.micronaut.serde.annotation.Serdeable;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Two versions of a plan compared field by field. Parts of a list that carry a code are matched by
 * code ({@code axes[PREV].actionCards[F1].title}), so moving or adding one part does not show every
 * later part as changed.
 */
public final class PlanDiff {
  private PlanDiff() {}

  /**
   * One field that differs; {@code before} or {@code after} is null when the field is new or gone.
   */
  @Serdeable
  public record Difference(String field, String before, String after) {}

  public static List<Difference> between(PlanDocument before, PlanDocument after) {
    return between(flatten(before), flatten(after));
  }

  static List<Difference> between(Map<String, String> a, Map<String, String> b) {
    Set<String> fields = new LinkedHashSet<>(a.keySet());
    fields.addAll(b.keySet());
    List<Difference> out = new ArrayList<>();
    for (String f : fields) {
      if (!Objects.equals(a.get(f), b.get(f))) {
        out.add(new Difference(f, a.get(f), b.get(f)));
      }
    }
    return List.copyOf(out);
  }

  /** A part of a plan (a card, an axis) field by field. */
  static Map<String, String> flattenRecord(Record part) {
    Map<String, String> out = new LinkedHashMap<>();
    walk("", part, out);
    return out;
  }

  static Map<String, String> flatten(PlanDocument doc) {
    Map<String, String> out = new LinkedHashMap<>();
    walk("", doc, out);
    out.remove("format");
    return out;
  }

  private static void walk(String path, Object value, Map<String, String> out) {
    if (value == null) {
      return;
    }
    if (value instanceof Record r) {
      for (RecordComponent c : r.getClass().getRecordComponents()) {
        walk(path.isEmpty() ? c.getName() : path + "." + c.getName(), read(c, r), out);
      }
    } else if (value instanceof Map<?, ?> map) {
      // A part the plan holds for another feature (an indicator): walked like a record.
      map.forEach((k, v) -> walk(path.isEmpty() ? k.toString() : path + "." + k, v, out));
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        return;
      }
      boolean coded = list.stream().allMatch(e -> code(e) != null);
      if (!coded) {
        // A list of texts is one field: the guide's lists read as one answer.
        if (list.stream().noneMatch(e -> e instanceof Record || e instanceof Map)) {
          out.put(path, String.join("\n", list.stream().map(String::valueOf).toList()));
          return;
        }
      }
      if (coded) {
        out.put(path + "[*]", String.join(", ", list.stream().map(PlanDiff::code).toList()));
      }
      for (int i = 0; i < list.size(); i++) {
        Object e = list.get(i);
        String key = coded ? code(e) : String.valueOf(i + 1);
        walk(path + "[" + key + "]", e, out);
      }
    } else {
      out.put(path, value.toString());
    }
  }

  private static String code(Object part) {
    if (part instanceof Map<?, ?> map) {
      return map.get("code") instanceof String code ? code : null;
    }
    if (!(part instanceof Record r)) {
      return null;
    }
    for (RecordComponent c : r.getClass().getRecordComponents()) {
      if (c.getName().equals("code")) {
        return (String) read(c, r);
      }
    }
    return null;
  }

  private static Object read(RecordComponent c, Record r) {
    try {
      return c.getAccessor().invoke(r);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
