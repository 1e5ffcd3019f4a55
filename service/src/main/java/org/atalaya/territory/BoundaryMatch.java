package org.atalaya.territory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atalaya.shared.Messages;
import org.locationtech.jts.geom.Geometry;

/**
 * A boundary file's dry run: which features match a territory (by official code, our code or exact
 * name, in that order, looking at every property), which match none, and which cannot be used and
 * why. Nothing is stored from it.
 */
@Serdeable
public record BoundaryMatch(
    String file,
    @Nullable String refused,
    List<Matched> matched,
    List<Unmatched> unmatched,
    List<Rejected> invalid) {

  @Serdeable
  public record Matched(
      int feature, String name, String territory, String territoryName, String by) {}

  @Serdeable
  public record Unmatched(int feature, String name) {}

  @Serdeable
  public record Rejected(int feature, String name, String problem) {}

  /** The file can be imported: something matched and nothing is wrong. */
  public boolean importable() {
    return refused == null && !matched.isEmpty() && invalid.isEmpty();
  }

  static BoundaryMatch refused(String file, String message) {
    return new BoundaryMatch(file, message, List.of(), List.of(), List.of());
  }

  static Result match(
      String file, List<BoundaryFeature> features, List<Territory> territories, Locale locale) {
    Map<String, Territory> byOfficial = new HashMap<>();
    Map<String, Territory> byCode = new HashMap<>();
    Map<String, Territory> byName = new HashMap<>();
    for (Territory t : territories) {
      if (t.officialCode() != null) {
        byOfficial.put(t.officialCode(), t);
      }
      byCode.put(t.code(), t);
      byName.putIfAbsent(t.name(), t);
    }
    List<Matched> matched = new ArrayList<>();
    List<Unmatched> unmatched = new ArrayList<>();
    List<Rejected> invalid = new ArrayList<>();
    Map<Long, Geometry> toStore = new HashMap<>();
    Map<Long, String> taken = new HashMap<>();
    for (BoundaryFeature f : features) {
      if (f.problem() != null) {
        invalid.add(
            new Rejected(
                f.number(),
                f.label(),
                Messages.format(locale, f.problem().key(), f.problem().args().toArray())));
        continue;
      }
      String by = null;
      Territory found = null;
      for (var rule :
          List.of(
              Map.entry("officialCode", byOfficial),
              Map.entry("code", byCode),
              Map.entry("name", byName))) {
        for (String value : f.properties().values()) {
          Territory t = rule.getValue().get(value.strip());
          if (t != null) {
            found = t;
            by = rule.getKey();
            break;
          }
        }
        if (found != null) {
          break;
        }
      }
      if (found == null) {
        unmatched.add(new Unmatched(f.number(), f.label()));
      } else if (taken.containsKey(found.id())) {
        invalid.add(
            new Rejected(
                f.number(),
                f.label(),
                Messages.format(
                    locale, "boundary.problem.duplicate", found.name(), taken.get(found.id()))));
      } else {
        taken.put(found.id(), f.label());
        toStore.put(found.id(), f.geometry());
        matched.add(
            new Matched(
                f.number(),
                f.label(),
                found.code(),
                found.name(),
                Messages.format(locale, "boundary.by." + by)));
      }
    }
    return new Result(
        new BoundaryMatch(file, null, matched, unmatched, invalid), Map.copyOf(toStore));
  }

  /** The report and the geometries a confirmation would store, by territory id. */
  record Result(BoundaryMatch report, Map<Long, Geometry> geometries) {}
}
