package org.atalaya.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The demo's homicide rate for men by corregimiento, where several places have one to four deaths:
 * the public never reads such a count — not as a number, not as a rate beside its population, not
 * as an interval, a smoothed rate or a colour on the map — and a lone withheld place gets a
 * complement; a signed-in analyst reads every number, told which ones the public does not.
 */
@MicronautTest(environments = "test")
@Property(name = "micronaut.http.client.read-timeout", value = "180s")
class SmallAreaDisclosureTest {
  static final String TABLE = "/api/public/indicators/HOM-TASA/small-areas?asOf=2025-12-31&sex=M";

  @Inject
  @Client("/")
  HttpClient client;

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> rows(String token) {
    var request = HttpRequest.GET(TABLE);
    var reply =
        new Api(client).call(token == null ? request : request.bearerAuth(token), Map.class);
    assertThat(reply.status()).isEqualTo(200);
    return (List<Map<String, Object>>) reply.value().get("rows");
  }

  @Test
  void thePublicReadsNoSmallCountAndAnAnalystReadsThemAll() {
    Api api = new Api(client);
    List<Map<String, Object>> staff = rows(api.analystToken());
    List<Map<String, Object>> open = rows(null);
    assertThat(open).hasSameSizeAs(staff);

    List<String> small = new ArrayList<>();
    for (Map<String, Object> r : staff) {
      assertThat(r.get("events")).as("an analyst reads every count").isNotNull();
      long events = ((Number) r.get("events")).longValue();
      if (events >= 1 && events <= 4) {
        assertThat(r.get("smallCount")).as("%s has %d deaths", r.get("territory"), events);
      }
      if (Boolean.TRUE.equals(r.get("smallCount"))) {
        small.add((String) r.get("territory"));
      }
    }
    assertThat(small).as("the demo has small counts for men").isNotEmpty();
    assertThat(small)
        .as("a lone withheld place would be the total less the rest")
        .hasSizeGreaterThan(1);

    List<Marshall.Area> areas = new ArrayList<>();
    List<Map<String, Object>> shown = new ArrayList<>();
    long pooled = 0;
    double pooledPeople = 0;
    for (int i = 0; i < open.size(); i++) {
      Map<String, Object> o = open.get(i);
      Map<String, Object> s = staff.get(i);
      assertThat(o.get("territory")).isEqualTo(s.get("territory"));
      double people = ((Number) s.get("population")).doubleValue();
      if (small.contains((String) o.get("territory"))) {
        assertThat(o.get("mark")).isEqualTo("WITHHELD");
        for (String hidden : List.of("events", "crude", "lower", "upper", "smoothed")) {
          assertThat(o.get(hidden)).as("%s %s", o.get("territory"), hidden).isNull();
        }
        pooled += ((Number) s.get("events")).longValue();
        pooledPeople += people;
      } else {
        assertThat(o.get("events")).isEqualTo(s.get("events"));
        assertThat(o.get("crude")).isEqualTo(s.get("crude"));
        areas.add(new Marshall.Area(((Number) s.get("events")).longValue(), people));
        shown.add(o);
      }
    }
    // The public's smoothed rates take the withheld places as one pooled area: they depend on
    // nothing the public cannot already work out (the district's count less the shown ones).
    areas.add(new Marshall.Area(pooled, pooledPeople));
    List<Double> expected = Marshall.smooth(areas);
    for (int i = 0; i < shown.size(); i++) {
      assertThat(((Number) shown.get(i).get("smoothed")).doubleValue())
          .as("%s smoothed", shown.get(i).get("territory"))
          .isCloseTo(expected.get(i) * 100_000, within(1e-9));
    }

    Element table =
        Jsoup.parse(
                client
                    .toBlocking()
                    .retrieve(
                        HttpRequest.GET("/indicadores/HOM-TASA?corte=2025-12-31&sexo=M")
                            .header("Accept-Language", "es-PA")))
            .selectFirst("table.rates");
    for (int i = 0; i < open.size(); i++) {
      if (small.contains((String) open.get(i).get("territory"))) {
        List<String> cells = table.select("tbody tr").get(i).select("th, td").eachText();
        assertThat(cells.get(1)).isEqualTo("suprimido");
        assertThat(cells.get(3)).isEqualTo("suprimido");
        assertThat(cells.subList(4, 6)).containsExactly("—", "—");
        assertThat(cells.get(6)).contains("cifra suprimida");
      }
    }

    // The bar chart by corregimiento on the same page reads the same rule: no rate for them.
    var page =
        Jsoup.parse(
            client
                .toBlocking()
                .retrieve(
                    HttpRequest.GET("/indicadores/HOM-TASA?corte=2025-12-31&sexo=M")
                        .header("Accept-Language", "es-PA")));
    Element bars =
        page.select("table").stream()
            .filter(t -> t.select("caption").text().endsWith("por corregimiento"))
            .filter(t -> !t.hasClass("rates"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no table of the bar chart by corregimiento"));
    for (int i = 0; i < open.size(); i++) {
      if (small.contains((String) open.get(i).get("territory"))) {
        String name = (String) open.get(i).get("name");
        assertThat(bars.select("tbody tr").stream().map(r -> r.select("th, td").eachText()))
            .as("the bar of %s", name)
            .contains(List.of(name, "suprimido"));
      }
    }

    String svg =
        client
            .toBlocking()
            .retrieve("/indicadores/HOM-TASA/graficos/tasa-observada.svg?corte=2025-12-31&sexo=M");
    for (String place : small) {
      assertThat(svg).contains("id='area-" + place + "' class='map-area map-withheld'");
    }
    assertThat(svg.split("map-withheld'", -1)).hasSize(small.size() + 1);
  }
}
