package org.atalaya.measurement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Totals the way DESIGN wants them: counts add up, rates are Σnumerator/Σdenominator. */
@MicronautTest(environments = "test")
class SeriesTotalsTest extends MeasurementFixture {
  @Test
  void aRateTotalIsSumOfNumeratorsOverSumOfDenominatorsNotAnAverageOfRates() {
    // Women: 3 homicides in 52 000 → 5.77 per 100 000; men: 9 in 48 000 → 18.75.
    // The district total is 12 / 100 000 × 100 000 = 12, not the mean of the rates (12.26).
    String csv =
        "indicador,periodo,sexo,territorio,valor,numerador,denominador\n"
            + rate
            + ",2025-01,F,LCH,5.769231,3,52000\n"
            + rate
            + ",2025-01,M,LCH,18.75,9,48000\n";

    upload(csv, "");
    List<Map> total = series(rate, "sex=_T&territory=LCH");

    assertThat(total)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(new java.math.BigDecimal(p.get("value").toString()))
                  .isEqualByComparingTo("12");
              assertThat(p).containsEntry("basis", "sexParts").containsEntry("cells", 2);
            });
  }

  @Test
  void aCountTotalAddsEveryCorregimientoAndPartsMissingOneMakeNoTotal() {
    var csv = new StringBuilder("indicador,periodo,sexo,territorio,valor\n");
    for (int place = 1; place <= 18; place++) {
      csv.append(reports).append(String.format(",2025-06,F,LCH-%02d,%d\n", place, place));
    }
    csv.append(reports)
        .append(",2025-08,F,LCH-09,4\n")
        .append(reports)
        .append(",2025-08,F,LCH-10,6\n");

    upload(csv.toString(), "");
    List<Map> district = series(reports, "sex=F&territory=LCH");

    // 1 + 2 + … + 18 = 171; in August only two of the eighteen corregimientos reported.
    assertThat(district)
        .extracting(p -> p.get("period") + "=" + p.get("value") + " " + p.get("basis"))
        .containsExactly("2025-06=171 territoryParts", "2025-08=null incomplete");
  }

  @Test
  void aRateStoredWithoutNumeratorsIsTotalledWithThePopulationOfEachCell() {
    upload(
        "indicador,periodo,sexo,territorio,valor\n"
            + rate
            + ",2025-01,F,LCH-01,4\n"
            + rate
            + ",2025-01,M,LCH-01,20\n",
        "");
    List<Map> population =
        (List<Map>) api.get("/api/territories/LCH-01", Map.class).value().get("population");
    double women = people(population, "F");
    double men = people(population, "M");
    // Σ(rate × population / 100 000) / Σpopulation × 100 000 — the rates weighted by people.
    double expected = (4 * women + 20 * men) / (women + men);

    assertThat(series(rate, "sex=_T&territory=LCH-01"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(((Number) p.get("value")).doubleValue()).isCloseTo(expected, within(1e-6));
              assertThat(((Number) p.get("value")).doubleValue()).isNotCloseTo(12.0, within(0.001));
            });
  }

  private static double people(List<Map> population, String sex) {
    return population.stream()
        .filter(p -> p.get("year").equals(2025) && p.get("sex").equals(sex))
        .mapToDouble(p -> ((Number) p.get("population")).doubleValue())
        .findFirst()
        .orElseThrow();
  }
}
