package org.atalaya.indicator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.atalaya.indicator.IndicatorDoc.TargetDoc;
import org.atalaya.plan.PlanPart;
import org.atalaya.shared.ApiException;

/**
 * A plan's indicators and their targets as part of the plan's document, so that they come under the
 * plan's change control: each entry is the indicator as the API reads it, with its targets.
 */
@Singleton
public class IndicatorPlanPart implements PlanPart {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();
  private static final TypeReference<LinkedHashMap<String, Object>> TREE = new TypeReference<>() {};
  private static final TypeReference<List<TargetDoc>> TARGETS = new TypeReference<>() {};

  private final IndicatorService indicators;
  private final TargetService targets;
  private final Validator validator;

  IndicatorPlanPart(IndicatorService indicators, TargetService targets, Validator validator) {
    this.indicators = indicators;
    this.targets = targets;
    this.validator = validator;
  }

  /** One indicator and its targets, as a plan document holds them. */
  public record Entry(IndicatorDoc indicator, List<TargetDoc> targets) {}

  @Override
  public List<Map<String, Object>> read(String planCode) {
    return indicators.list(planCode).stream()
        .map(i -> tree(new Entry(i, targets.targets(i.code()))))
        .toList();
  }

  @Override
  public void replace(String planCode, List<Map<String, Object>> entries) {
    List<Entry> wanted = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      wanted.add(entry(entries.get(i), "indicators[" + i + "]"));
    }
    Set<String> kept = new HashSet<>();
    for (Entry e : wanted) {
      IndicatorDoc doc = e.indicator();
      kept.add(doc.code());
      Optional<IndicatorDoc> current = indicators.find(doc.code());
      if (current.isEmpty() || !same(current.get(), doc)) {
        indicators.save(current.isPresent() ? doc.code() : null, doc);
      }
      if (current.isEmpty() || !same(targets.targets(doc.code()), e.targets())) {
        targets.saveTargets(doc.code(), e.targets());
      }
    }
    for (IndicatorDoc gone : indicators.list(planCode)) {
      if (!kept.contains(gone.code())) {
        indicators.delete(gone.code());
      }
    }
  }

  /** An entry of a plan document read back, checked as the API checks a body. */
  public Entry entry(Map<String, Object> tree, String path) {
    Map<String, Object> rest = new LinkedHashMap<>(tree);
    Object targetTree = rest.remove("targets");
    Entry entry;
    try {
      entry =
          new Entry(
              MAPPER.convertValue(rest, IndicatorDoc.class),
              targetTree == null ? List.of() : MAPPER.convertValue(targetTree, TARGETS));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid(path, "indicatorEntry");
    }
    Set<jakarta.validation.ConstraintViolation<?>> violations =
        new HashSet<>(validator.validate(entry.indicator()));
    entry.targets().forEach(t -> violations.addAll(validator.validate(t)));
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    return entry;
  }

  /** The code of an entry, without reading the rest. */
  public static String code(Map<String, Object> tree) {
    return String.valueOf(tree.get("code"));
  }

  static Map<String, Object> tree(Entry e) {
    Map<String, Object> out = MAPPER.convertValue(e.indicator(), TREE);
    out.put("targets", MAPPER.convertValue(e.targets(), new TypeReference<List<Object>>() {}));
    return out;
  }

  private static boolean same(Object a, Object b) {
    try {
      return MAPPER.writeValueAsString(a).equals(MAPPER.writeValueAsString(b));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return false;
    }
  }
}
