package org.atalaya.publication;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.atalaya.testsupport.Api;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * A corregimiento's derived target is its own baseline moved as the district's target: where that
 * baseline is a withheld homicide rate (one death among 12,000 people), the public must not read it
 * back as the baseline, the derived target or the change since — on the page or in the API. The
 * baselines are read straight from the stored measurements, not from our outputs.
 */
@MicronautTest(environments = "test")
@Property(name = "micronaut.http.client.read-timeout", value = "180s")
class DerivedTargetDisclosureTest {
  static final String AS_OF = "2025-12-31";

  @Inject
  @Client("/")
  HttpClient client;

  @Inject DataSource dataSource;

  /**
   * Each corregimiento's 2024 homicide rate, everyone: its women's and men's deaths over people.
   */
  private Map<String, Double> baselines() throws Exception {
    Map<String, Double> out = new java.util.TreeMap<>();
    try (Connection c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                """
                SELECT t.code, sum(m.numerator) / sum(m.denominator) * 100000
                FROM measurement m JOIN indicator i ON i.id = m.indicator_id
                  JOIN territory t ON t.id = m.territory_id
                WHERE i.code = 'HOM-TASA' AND m.sex IN ('F', 'M') AND m.age_group = '_T'
                  AND m.period_start = DATE '2024-01-01' AND t.parent_id IS NOT NULL
                GROUP BY t.code""");
        var rs = s.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getDouble(2));
      }
    }
    return out;
  }

  @Test
  @SuppressWarnings("unchecked")
  void aWithheldBaselineIsNotGivenBackByTheTargetDerivedFromIt() throws Exception {
    Api api = new Api(client);
    List<String> checked = new ArrayList<>();
    for (var e : baselines().entrySet()) {
      String place = e.getKey();
      Map<String, Object> answer =
          api.get(
                  "/api/public/indicators/HOM-TASA/figures?asOf=" + AS_OF + "&territory=" + place,
                  Map.class)
              .value();
      boolean withheld =
          ((List<Map<String, Object>>) answer.get("figures"))
              .stream()
                  .anyMatch(
                      f -> "2024".equals(f.get("period")) && "WITHHELD".equals(f.get("mark")));
      if (!withheld || !Boolean.TRUE.equals(answer.get("derivedTarget"))) {
        continue;
      }
      checked.add(place);
      assertThat(answer.get("target"))
          .as("%s: a target derived from a withheld value", place)
          .isNull();
      assertThat(answer.get("status"))
          .as("%s: no assessment against it (none at all when the latest is withheld too)", place)
          .isIn(null, "NO_TARGET");

      String baseline = String.format(Locale.ROOT, "%.1f", e.getValue());
      var html =
          Jsoup.parse(
              api.get("/indicadores/HOM-TASA?territorio=" + place + "&corte=" + AS_OF, String.class)
                  .value());
      String page = html.text();
      assertThat(page)
          .as("%s: neither the baseline nor the target derived from it", place)
          .doesNotContain("Línea de base " + baseline)
          .doesNotContain("(meta derivada)");
      if ("NO_TARGET".equals(answer.get("status"))) {
        assertThat(page)
            .as("%s: the page says why its figure is not assessed", place)
            .contains("la meta derivada se calcula de una línea de base suprimida");
      } else {
        // The latest figure is withheld too: its data arrived, so never "Sin datos".
        assertThat(html.select(".status").eachText()).as(place).doesNotContain("Sin datos");
        assertThat(page).as(place).contains("sin valoración: la cifra está suprimida");
      }
    }
    assertThat(checked).as("the demo has corregimientos with a withheld 2024 rate").isNotEmpty();
  }
}
