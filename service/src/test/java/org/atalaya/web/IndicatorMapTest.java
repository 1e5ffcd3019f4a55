package org.atalaya.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The indicator page's corregimiento map as the public meets it: drawn from the demo's illustrative
 * outlines (and saying so), one shape per corregimiento, its table giving each place the same
 * figure — or the same "suprimido" — as the anonymous figures API.
 */
@MicronautTest(environments = "test")
@Property(name = "micronaut.http.client.read-timeout", value = "180s")
class IndicatorMapTest {
  static final String AS_OF = "2025-12-31";

  @Inject
  @Client("/")
  HttpClient client;

  private String get(String uri) {
    return client
        .toBlocking()
        .retrieve(HttpRequest.GET(uri).header("Accept-Language", "es-PA"), String.class);
  }

  @Test
  @SuppressWarnings({"unchecked", "rawtypes"})
  void theMapAndItsTableShowEachCorregimientoAsTheFiguresApiDoes() {
    Document page = Jsoup.parse(get("/indicadores/VD-DENUNCIAS?corte=" + AS_OF));
    Element img = page.selectFirst("img[src^=/indicadores/VD-DENUNCIAS/graficos/map.svg]");
    assertThat(img).as("the map on the indicator page").isNotNull();
    assertThat(img.attr("alt")).contains("Límites ilustrativos, no oficiales.");

    Element table =
        page.select("table").stream()
            .filter(t -> t.select("caption").text().contains("mapa por corregimiento"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no table beside the map"));
    List<List<String>> rows =
        table.select("tbody tr").stream()
            .map(r -> r.select("td").stream().map(Element::text).toList())
            .toList();
    assertThat(rows).hasSize(18);

    Api api = new Api(client);
    List<Map> territories =
        api.call(HttpRequest.GET("/api/territories").bearerAuth(api.analystToken()), List.class)
            .value();
    int compared = 0;
    for (List<String> row : rows) {
      String code = codeOf(territories, row.get(0));
      Map<String, Object> figure =
          api.get(
                  "/api/public/indicators/VD-DENUNCIAS/figures?asOf="
                      + AS_OF
                      + "&sex=_T&territory="
                      + code,
                  Map.class)
              .value();
      switch ((String) figure.get("mark")) {
        case "WITHHELD" -> assertThat(row.get(1)).isEqualTo("suprimido");
        case "NO_DATA" -> assertThat(row.get(1)).isEqualTo("Sin datos");
        default ->
            assertThat(row.get(1))
                .as(row.get(0))
                .isEqualTo(String.valueOf(((Number) figure.get("latest")).longValue()));
      }
      compared++;
    }
    assertThat(compared).isEqualTo(18);

    String svg = get("/indicadores/VD-DENUNCIAS/graficos/map.svg?corte=" + AS_OF);
    assertThat(svg.split("id='area-LCH-", -1)).hasSize(19);
    assertThat(svg).contains("Límites ilustrativos, no oficiales.");
  }

  @SuppressWarnings("rawtypes")
  private static String codeOf(List<Map> territories, String name) {
    return territories.stream()
        .filter(t -> name.equals(t.get("name")))
        .map(t -> (String) t.get("code"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no territory named " + name));
  }
}
