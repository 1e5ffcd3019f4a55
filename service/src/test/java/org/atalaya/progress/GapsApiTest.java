package org.atalaya.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.junit.jupiter.api.Test;

/** Women against men, corregimientos against the district, and where the events concentrate. */
@MicronautTest(environments = "test")
class GapsApiTest {
  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void gapsAreComputedFromTheCellsLatestValues() {
    var api = new Api(client);
    String analyst = api.analystToken();
    String code = "GAP-" + Long.toString(System.nanoTime(), 36);
    IndicatorFixtures.create(api, analyst, IndicatorFixtures.domesticViolenceReports(code));
    // In corregimiento LCH-k: k reports from women and 1 from men.
    var csv = new StringBuilder("indicador,periodo,sexo,territorio,valor\n");
    for (int k = 1; k <= 18; k++) {
      csv.append(String.format("%s,2025-06,F,LCH-%02d,%d%n", code, k, k));
      csv.append(String.format("%s,2025-06,M,LCH-%02d,1%n", code, k));
    }
    api.call(
        HttpRequest.POST("/api/measurements/upload?file=brechas.csv", csv.toString())
            .contentType("text/csv")
            .bearerAuth(analyst),
        Map.class);

    Map<String, Object> gaps =
        api.call(
                HttpRequest.GET("/api/progress/indicators/" + code + "/gaps?asOf=2025-07-01")
                    .bearerAuth(analyst),
                Map.class)
            .value();

    // District: women 1 + 2 + … + 18 = 171, men 18, all 189.
    Map<?, ?> sex = (Map<?, ?>) gaps.get("sex");
    assertThat(sex.get("female")).isEqualTo(171.0);
    assertThat(sex.get("male")).isEqualTo(18.0);
    assertThat(sex.get("difference")).isEqualTo(153.0);
    assertThat(sex.get("ratio")).isEqualTo(9.5);
    // LCH-18 has 18 + 1 = 19 of the district's 189.
    assertThat((List<Map<?, ?>>) gaps.get("territories"))
        .hasSize(18)
        .anySatisfy(
            t -> {
              assertThat(t.get("territory")).isEqualTo("LCH-18");
              assertThat(t.get("difference")).isEqualTo(19.0 - 189.0);
            });
    // The worst fifth of 18 corregimientos is ceil(3.6) = 4: 19 + 18 + 17 + 16 = 70 of 189.
    Map<?, ?> concentration = (Map<?, ?>) gaps.get("concentration");
    assertThat(concentration.get("worstTotal")).isEqualTo(70.0);
    assertThat(((Number) concentration.get("share")).doubleValue())
        .isCloseTo(70.0 / 189, within(1e-9));
  }
}
