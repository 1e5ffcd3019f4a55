package org.atalaya.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A survey whose design names neither strata nor PSUs is a simple random sample: one stratum, each
 * respondent its own PSU, and the textbook standard error comes back.
 */
@MicronautTest(environments = "test")
class SimpleRandomSampleTest extends SurveyFixture {

  @Test
  void withoutStrataOrPsusEachRespondentIsItsOwnCluster() {
    String code = "SRS-" + suffix;
    created(
        post(
            "/api/surveys",
            Map.of(
                "code",
                code,
                "name",
                "Sondeo rápido",
                "design",
                Map.of("weights", List.of("w")),
                "items",
                List.of(item("inseguro", "Inseguro", "BINARY")))));
    wave(code, "1", "2025-03-01", "2025-03-31");
    byte[] csv = "w,inseguro\n1,1\n1,0\n1,1\n1,1\n".getBytes(StandardCharsets.UTF_8);
    assertThat(upload(code, "1", csv, "s.csv", "").status()).isEqualTo(200);

    var total = cell(estimates(code, "1", "item=inseguro", analyst));

    // p = 3/4; with equal weights the linearised SE is √(p(1 − p)/(n − 1)) = √(0.1875/3) = 0.25.
    assertThat(((Number) total.get("estimate")).doubleValue()).isCloseTo(0.75, within(1e-12));
    assertThat(((Number) total.get("se")).doubleValue()).isCloseTo(0.25, within(1e-12));
    assertThat(total).containsEntry("df", 3).containsEntry("n", 4);
  }
}
