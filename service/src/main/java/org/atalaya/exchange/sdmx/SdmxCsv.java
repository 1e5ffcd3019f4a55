package org.atalaya.exchange.sdmx;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.atalaya.shared.CsvWriter;

/**
 * SDMX-CSV 2.0 (sdmx-twg/sdmx-csv, field guide): a header row, then one row per observation
 * beginning with STRUCTURE ({@code datastructure}), STRUCTURE_ID ({@code ATALAYA:…(1.0.0)}) and
 * ACTION ({@code I}, information), then the dimensions, the measure and the attributes in the
 * structure's order. A withheld observation has an empty OBS_VALUE and CONF_STATUS C.
 */
public final class SdmxCsv {
  static final List<String> HEADER = header();

  private SdmxCsv() {}

  private static List<String> header() {
    List<String> h = new ArrayList<>(List.of("STRUCTURE", "STRUCTURE_ID", "ACTION"));
    h.addAll(Dsd.DIMENSIONS);
    h.add(Dsd.MEASURE);
    h.addAll(Dsd.ATTRIBUTES);
    return List.copyOf(h);
  }

  public static byte[] write(List<SdmxObservation> observations) {
    var out = new StringWriter();
    try (var csv = new CsvWriter(out)) {
      csv.row(HEADER);
      for (SdmxObservation o : observations) {
        csv.row(
            "datastructure",
            Dsd.structureId(),
            "I",
            o.indicator(),
            o.refArea(),
            o.sex(),
            o.age(),
            o.timePeriod(),
            plain(o.value()),
            o.obsStatus(),
            o.confStatus(),
            o.unit(),
            plain(o.lower()),
            plain(o.upper()));
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A number as SDMX reads it: a dot for decimals, no exponent, no thousands separator. */
  static String plain(Double v) {
    return v == null ? "" : BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
