package org.atalaya.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Illustrative measurements for the demonstration indicators: seeded, so every start makes the same
 * figures; shaped like a municipality's (more violence reports from women, homicides mostly of men
 * and falling, workshops and works adding up quarter by quarter). The perception indicator comes
 * from the demo's survey instead, with its intervals.
 */
final class DemoMeasurements {
  private final Random random = new Random(2025);

  /**
   * How many times the district's homicide rate each corregimiento has, in code order (LCH-01…):
   * concentrated in the urban centre (LCH-02, LCH-06, LCH-08), low in the rural places. With one
   * rate for every place, the demo's rates would vary no more than chance makes them, and every
   * smoothed rate would be the district's (Marshall's between-area variance is then zero).
   */
  private static final double[] HOMICIDE_RISK = {
    0.6, 3.0, 0.3, 0.3, 0.3, 3.0, 0.3, 3.0, 0.6, 0.3, 0.3, 0.3, 0.3, 0.3, 0.3, 0.6, 1.2, 0.3
  };

  private final StringBuilder csv =
      new StringBuilder("indicador,periodo,sexo,territorio,valor,numerador,denominador,estado\n");

  /** population.get(territory).get(year).get(sex) */
  String build(Map<String, Map<Integer, Map<String, Long>>> population, LocalDate until) {
    List<String> places =
        population.keySet().stream().filter(c -> !c.equals(DemoData.DISTRICT)).sorted().toList();
    for (int year = 2023; year < until.getYear(); year++) {
      for (int at = 0; at < places.size(); at++) {
        String place = places.get(at);
        double risk = at < HOMICIDE_RISK.length ? HOMICIDE_RISK[at] : 1;
        for (String sex : List.of("F", "M")) {
          long people =
              population.get(place).get(Math.min(year, lastCensusYear(population))).get(sex);
          double yearly = (sex.equals("M") ? 17.0 : 2.6) * Math.pow(0.9, year - 2023) * risk;
          long deaths = poisson(people * yearly / 100_000);
          double rate = deaths * 100_000.0 / people;
          row(
              "HOM-TASA",
              Integer.toString(year),
              sex,
              place,
              round(rate),
              deaths,
              people,
              "VALIDATED");
        }
      }
    }
    for (LocalDate month = LocalDate.of(2023, 1, 1);
        !month.isAfter(until);
        month = month.plusMonths(1)) {
      double growth = Math.pow(1.01, (month.getYear() - 2023) * 12 + month.getMonthValue());
      for (String place : places) {
        long women =
            population
                .get(place)
                .get(Math.min(month.getYear(), lastCensusYear(population)))
                .get("F");
        double reported = women / 10_000.0 * 0.9 * growth;
        String period = String.format("%d-%02d", month.getYear(), month.getMonthValue());
        // The committee has validated all but the last three months: the demo's report can be
        // published, and the review page still has recent figures waiting for validation.
        String status = month.isBefore(until.minusMonths(3)) ? "VALIDATED" : "PROVISIONAL";
        row(
            "VD-DENUNCIAS",
            period,
            "F",
            place,
            Long.toString(poisson(reported)),
            null,
            null,
            status);
        row(
            "VD-DENUNCIAS",
            period,
            "M",
            place,
            Long.toString(poisson(reported * 0.2)),
            null,
            null,
            status);
      }
    }
    // Whole quarters only: a quarter still under way has no figures yet (its last month is after
    // the last whole month, until).
    for (LocalDate q = LocalDate.of(2025, 1, 1);
        !q.plusMonths(2).isAfter(until);
        q = q.plusMonths(3)) {
      String quarter = q.getYear() + "-T" + ((q.getMonthValue() - 1) / 3 + 1);
      row(
          "SENSIBILIZADAS",
          quarter,
          "F",
          DemoData.DISTRICT,
          Integer.toString(45 + random.nextInt(45)),
          null,
          null,
          "VALIDATED");
      row(
          "SENSIBILIZADAS",
          quarter,
          "M",
          DemoData.DISTRICT,
          Integer.toString(20 + random.nextInt(25)),
          null,
          null,
          "VALIDATED");
      row(
          "CALLES-ILUMINADAS",
          quarter,
          "_T",
          DemoData.DISTRICT,
          Integer.toString(12 + random.nextInt(28)),
          null,
          null,
          "VALIDATED");
      row(
          "PARQUES-REHAB",
          quarter,
          "_T",
          DemoData.DISTRICT,
          Integer.toString(random.nextInt(3)),
          null,
          null,
          "VALIDATED");
    }
    // PERCEPCION-INSEG is not typed in here: the demo's perception survey feeds it (DemoSurvey).
    return csv.toString();
  }

  private static int lastCensusYear(Map<String, Map<Integer, Map<String, Long>>> population) {
    return population.get(DemoData.DISTRICT).keySet().stream()
        .mapToInt(Integer::intValue)
        .max()
        .orElseThrow();
  }

  private void row(
      String indicator,
      String period,
      String sex,
      String place,
      String value,
      Long numerator,
      Long denominator,
      String status) {
    csv.append(indicator)
        .append(',')
        .append(period)
        .append(',')
        .append(sex)
        .append(',')
        .append(place)
        .append(',')
        .append(value)
        .append(',')
        .append(numerator == null ? "" : numerator)
        .append(',')
        .append(denominator == null ? "" : denominator)
        .append(',')
        .append(status)
        .append('\n');
  }

  private static String round(double value) {
    return java.math.BigDecimal.valueOf(value)
        .setScale(6, java.math.RoundingMode.HALF_EVEN)
        .toPlainString();
  }

  /** Knuth's method: fine for the small means used here. */
  private long poisson(double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    long count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }
}
