package org.atalaya.survey.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every row of {@code enusc-2023-reference.csv}, computed by R's survey package (svydesign with
 * lonely PSUs as certainty, svymean/svyby with deff = TRUE, logit intervals), reproduced from the
 * raw microdata: estimate and SE to 1e-9 relative, interval bounds to 1e-8, deff and CV to 1e-9
 * relative, n and df exactly. These are the figures an analyst would set beside INE Chile's.
 */
class EnuscReferenceTest {
  static final double RELATIVE = 1e-9;
  static final double INTERVAL = 1e-8;

  @TestFactory
  Stream<DynamicTest> reproducesEveryReferenceRow() {
    List<CSVRecord> rows =
        EnuscFixture.read(EnuscFixture.surveysFolder().resolve(EnuscFixture.REFERENCE));
    assertThat(rows).as("reference rows").hasSizeGreaterThanOrEqualTo(23);
    return rows.stream()
        .map(
            row ->
                DynamicTest.dynamicTest(
                    row.get("variable") + " by " + row.get("by") + " = " + row.get("domain"),
                    () -> reproduces(row)));
  }

  private static void reproduces(CSVRecord row) {
    EnuscFixture enusc = EnuscFixture.get();
    SurveyDesign design = enusc.design(row.get("weight"));
    double[] y = enusc.values(row.get("variable"));
    String by = row.get("by");
    Estimate e;
    if (by.isEmpty()) {
      e = Estimator.estimate(design, EstimateKind.PROPORTION, y, null);
    } else {
      EnuscFixture.Domains domains = enusc.domains(by);
      Estimate[] all =
          Estimator.byDomain(design, EstimateKind.PROPORTION, y, domains.codes(), domains.count());
      Integer code = domains.byValue().get(row.get("domain"));
      assertThat(code).as("domain %s of %s in the microdata", row.get("domain"), by).isNotNull();
      e = all[code];
    }
    assertThat(e.noInterval()).isNull();
    assertThat(e.estimate()).isCloseTo(number(row, "estimate"), withinPercentage(RELATIVE * 100));
    assertThat(e.se()).isCloseTo(number(row, "se"), withinPercentage(RELATIVE * 100));
    assertThat(e.deff()).isCloseTo(number(row, "deff"), withinPercentage(RELATIVE * 100));
    assertThat(e.cv()).isCloseTo(number(row, "cv"), withinPercentage(RELATIVE * 100));
    assertThat(e.n()).isEqualTo(Long.parseLong(row.get("n")));
    assertThat(e.df()).isEqualTo(Integer.parseInt(row.get("df")));
    assertThat(e.ciLower()).isCloseTo(number(row, "ci_lower"), withinPercentage(INTERVAL * 100));
    assertThat(e.ciUpper()).isCloseTo(number(row, "ci_upper"), withinPercentage(INTERVAL * 100));
  }

  private static double number(CSVRecord row, String column) {
    return Double.parseDouble(row.get(column));
  }
}
