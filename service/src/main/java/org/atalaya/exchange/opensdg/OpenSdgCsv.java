package org.atalaya.exchange.opensdg;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atalaya.exchange.sdmx.SdmxObservation;
import org.atalaya.shared.CsvWriter;

/**
 * One indicator in Open SDG's data format (open-sdg/open-sdg, docs/data-format.md): {@code Year}
 * first, {@code Value} last, {@code GeoCode} second from last, the disaggregations between, a blank
 * disaggregation meaning the total. {@code Series} names the indicator, {@code Units} its unit and
 * {@code Observation status} SDMX's status in words, as the ONS's sdg-data writes them. A withheld
 * figure has a blank value ("missing"), never a number. Open SDG charts years: a monthly or
 * quarterly indicator carries its period in a {@code Period} column as well.
 */
final class OpenSdgCsv {
  static final Map<String, String> STATUS =
      Map.of(
          SdmxObservation.NORMAL, "Normal value",
          SdmxObservation.PROVISIONAL, "Provisional value",
          SdmxObservation.ESTIMATED, "Estimated value",
          SdmxObservation.MISSING, "Missing value; suppressed");
  static final Map<String, String> SEX = Map.of("F", "Female", "M", "Male", "_U", "Not stated");

  private OpenSdgCsv() {}

  static List<String> header(boolean subAnnual) {
    List<String> h = new ArrayList<>(List.of("Year"));
    if (subAnnual) {
      h.add("Period");
    }
    h.addAll(
        List.of(
            "Series", "Sex", "Corregimiento", "Observation status", "Units", "GeoCode", "Value"));
    return h;
  }

  static byte[] write(
      String series,
      String district,
      Map<String, String> areaNames,
      boolean subAnnual,
      List<SdmxObservation> observations) {
    var out = new StringWriter();
    try (var csv = new CsvWriter(out)) {
      csv.row(header(subAnnual));
      for (SdmxObservation o : observations) {
        List<Object> row = new ArrayList<>();
        row.add(Integer.parseInt(o.timePeriod().substring(0, 4)));
        if (subAnnual) {
          row.add(o.timePeriod());
        }
        row.add(series);
        row.add(SEX.getOrDefault(o.sex(), ""));
        row.add(
            o.refArea().equals(district) ? "" : areaNames.getOrDefault(o.refArea(), o.refArea()));
        row.add(STATUS.get(o.obsStatus()));
        row.add(o.unit());
        row.add(o.refArea());
        row.add(
            o.value() == null
                ? ""
                : BigDecimal.valueOf(o.value()).stripTrailingZeros().toPlainString());
        csv.row(row);
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
