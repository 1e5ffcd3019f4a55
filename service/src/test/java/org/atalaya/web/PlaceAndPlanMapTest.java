package org.atalaya.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * Maps beyond the indicator page, as the public meets them on the demo: the plan page shows its
 * headline indicator by corregimiento, a corregimiento's page the district with that place
 * outlined; every map names its period (or says each corregimiento shows its latest), its table
 * gives each row's period, pointing at a shape names the place, and phones get a narrow layout.
 */
@MicronautTest(environments = "test")
@Property(name = "micronaut.http.client.read-timeout", value = "180s")
class PlaceAndPlanMapTest {
  static final String AS_OF = "2025-12-31";

  @Inject
  @Client("/")
  HttpClient client;

  private String get(String uri) {
    return client
        .toBlocking()
        .retrieve(HttpRequest.GET(uri).header("Accept-Language", "es-PA"), String.class);
  }

  private static Element tableOf(Document page, String caption) {
    return page.select("table").stream()
        .filter(t -> t.select("caption").text().contains(caption))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no table " + caption));
  }

  @Test
  void theIndicatorMapNamesItsPeriodAndEachRowsPeriodAndThePlaceOnPointing() {
    Document page = Jsoup.parse(get("/indicadores/VD-DENUNCIAS?corte=" + AS_OF));
    Element table = tableOf(page, "mapa por corregimiento");
    assertThat(table.select("thead th").eachText()).endsWith("Periodo");
    assertThat(table.select("tbody tr").stream().map(r -> r.select("td").get(3).text()))
        .as("each corregimiento with a figure names its period")
        .contains("dic. 2025");
    Element img = page.selectFirst("img[src^=/indicadores/VD-DENUNCIAS/graficos/map.svg]");
    assertThat(img.attr("alt")).containsAnyOf("Periodo: dic. 2025.", "Último dato de cada");
    Element phone = img.parent().selectFirst("source[media]");
    assertThat(phone.attr("srcset")).contains("ancho=estrecho");

    String svg = get("/indicadores/VD-DENUNCIAS/graficos/map.svg?corte=" + AS_OF);
    assertThat(svg).containsAnyOf("Periodo: dic. 2025.", "Último dato de cada corregimiento");
    assertThat(svg).contains("<title>Los Díaz: ");
    String narrow =
        get("/indicadores/VD-DENUNCIAS/graficos/map.svg?corte=" + AS_OF + "&ancho=estrecho");
    assertThat(narrow).contains("width='400.0'");
  }

  @Test
  void aCorregimientosPageShowsTheDistrictMapWithThePlaceOutlined() {
    Document page = Jsoup.parse(get("/corregimientos/LCH-13?corte=" + AS_OF));
    Element img = page.selectFirst("img[src^=/corregimientos/LCH-13/graficos/mapa.svg]");
    assertThat(img).as("a map on the place's page").isNotNull();
    assertThat(page.select("section.place-map").text())
        .contains("Los Díaz va resaltado con un borde grueso");
    assertThat(img.attr("alt")).contains("Límites ilustrativos");
    Element table = tableOf(page, "mapa por corregimiento");
    assertThat(table.select("tbody tr")).hasSize(18);

    String svg = get("/corregimientos/LCH-13/graficos/mapa.svg?corte=" + AS_OF);
    assertThat(svg.split("id='area-LCH-", -1)).hasSize(19);
    assertThat(svg).as("the place outlined").contains("stroke-width:2.5");
  }

  @Test
  void thePlanPageShowsItsHeadlineIndicatorByCorregimiento() {
    Document page = Jsoup.parse(get("/planes/LCH-PISCC-2025?corte=" + AS_OF));
    Element img = page.selectFirst("img[src^=/planes/LCH-PISCC-2025/graficos/mapa.svg]");
    assertThat(img).as("a map on the plan page").isNotNull();
    assertThat(page.select("section.plan-map h2").text()).isEqualTo("Por corregimiento");
    assertThat(page.select("section.plan-map table tbody tr")).hasSize(18);

    String svg = get("/planes/LCH-PISCC-2025/graficos/mapa.svg?corte=" + AS_OF);
    assertThat(svg.split("id='area-LCH-", -1)).hasSize(19);
  }
}
