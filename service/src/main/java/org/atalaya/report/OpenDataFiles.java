package org.atalaya.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atalaya.shared.CsvWriter;

/**
 * The open data as files: CSV with a header row, and JSON with the report's identity. Names come
 * from people (indicators, territories, sources), so the CSV is written by {@link CsvWriter}: a
 * text cell that starts like a spreadsheet formula gets a leading apostrophe.
 */
final class OpenDataFiles {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private OpenDataFiles() {}

  static byte[] csv(List<Observation> rows) {
    var out = new StringWriter();
    try (var csv = new CsvWriter(out)) {
      csv.row(Observation.COLUMNS);
      for (Observation o : rows) {
        csv.row(
            o.plan(),
            o.indicator(),
            o.indicatorName(),
            o.measure(),
            o.refArea(),
            o.refAreaName(),
            o.sex(),
            o.timePeriod(),
            plain(o.value()),
            o.unit(),
            plain(o.lower()),
            plain(o.upper()),
            plain(o.confLevel()),
            o.sampleSize(),
            o.reliability(),
            o.progressStatus(),
            o.obsStatus(),
            o.confStatus(),
            o.source(),
            o.comment());
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  static byte[] json(ReportFacts facts, List<Observation> rows) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("plan", facts.plan().code());
    doc.put("period", facts.period().code());
    doc.put("asOf", facts.asOf());
    doc.put("columns", Observation.COLUMNS);
    doc.put("observations", rows);
    try {
      return JSON.writeValueAsBytes(doc);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String plain(Double v) {
    return v == null ? "" : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
