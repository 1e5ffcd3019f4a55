package org.atalaya.exchange.opensdg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.micronaut.core.annotation.Nullable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atalaya.indicator.Direction;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.progress.Point;

/**
 * The indicator's metadata as Open SDG reads it (open-sdg/open-sdg, docs/indicator-configuration.md
 * and docs/metadata-format.md): names, units, definitions, coverage, source, the target as a {@code
 * graph_target_lines} line, and the {@code progress_calculation_options} (direction, base and
 * target years, target value) for Open SDG's own progress measure.
 */
final class OpenSdgMeta {
  private static final ObjectMapper YAML =
      new ObjectMapper(
          new YAMLFactory()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .disable(YAMLGenerator.Feature.SPLIT_LINES)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private OpenSdgMeta() {}

  static byte[] write(
      IndicatorDoc doc,
      @Nullable String sdgNumber,
      String coverage,
      @Nullable Point baseline,
      @Nullable Point target) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (sdgNumber != null) {
      m.put("indicator_number", sdgNumber);
    }
    m.put("indicator_name", doc.name());
    m.put("indicator_available", doc.name());
    m.put("reporting_status", "complete");
    m.put("data_non_statistical", false);
    m.put("national_geographical_coverage", coverage);
    m.put("computation_units", doc.unit());
    if (doc.description() != null) {
      m.put("computation_definitions", doc.description());
    }
    if (doc.numeratorDefinition() != null) {
      m.put("computation_calculations", calculation(doc));
    }
    m.put("graph_type", "line");
    m.put("graph_title", doc.name());
    List<String> disaggregations = new ArrayList<>();
    if (doc.disaggregations().sex()) {
      disaggregations.add("Sex");
    }
    if (doc.disaggregations().territory()) {
      disaggregations.add("Corregimiento");
    }
    if (!disaggregations.isEmpty()) {
      m.put("expected_disaggregations", disaggregations);
    }
    for (int i = 0; i < doc.sources().size(); i++) {
      IndicatorDoc.SourceDoc s = doc.sources().get(i);
      m.put("source_active_" + (i + 1), true);
      m.put("source_organisation_" + (i + 1), s.institution() == null ? s.name() : s.institution());
      m.put("source_url_text_" + (i + 1), s.name());
    }
    if (target != null) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("value", target.value());
      line.put("label_content", "Meta " + target.date().getYear());
      m.put("graph_target_lines", List.of(line));
      Map<String, Object> progress = new LinkedHashMap<>();
      progress.put("direction", doc.direction() == Direction.INCREASE ? "positive" : "negative");
      if (baseline != null) {
        progress.put("base_year", baseline.date().getYear());
      }
      progress.put("target_year", target.date().getYear());
      // Open SDG resets a zero target to 0.001 itself; we give the plan's target as it is.
      progress.put("target", target.value());
      m.put("auto_progress_calculation", doc.direction() != Direction.MAINTAIN);
      m.put("progress_calculation_options", List.of(progress));
    }
    try {
      return YAML.writeValueAsString(m).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String calculation(IndicatorDoc doc) {
    String text = doc.numeratorDefinition();
    if (doc.denominatorDefinition() != null) {
      text += " / " + doc.denominatorDefinition();
    }
    if (doc.rateBase() != null) {
      text += " × " + doc.rateBase();
    }
    return text;
  }
}
