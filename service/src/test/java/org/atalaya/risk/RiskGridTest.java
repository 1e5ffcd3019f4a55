package org.atalaya.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.atalaya.shared.Dates;
import org.atalaya.testsupport.Api;
import org.atalaya.web.Browser;
import org.junit.jupiter.api.Test;

/**
 * The public risk map on a coarse grid (cells of about 500 m) and the period every risk map names,
 * over real HTTP with the demo's illustrative reports: no public cell shows fewer reports than the
 * small-count threshold, each shown count is the analysts' points counted in that cell, the public
 * never reads a point, and the page, the map and its table say which period they count.
 */
@MicronautTest(environments = "test", transactional = false)
// On a loaded 2-core CI a page here can outlast the client's default 10 s read timeout.
@Property(name = "micronaut.http.client.read-timeout", value = "180s")
class RiskGridTest {
  private static final Locale SPANISH = Locale.forLanguageTag("es-PA");

  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  @SuppressWarnings("unchecked")
  void noPublicCellShowsFewerThanTheThresholdAndEachShownCountIsThePointsInIt() {
    var api = new Api(client);
    Map<String, Object> grid = api.get("/api/public/risk/grid", Map.class).value();
    Map<String, Object> counts = api.get("/api/public/risk/counts", Map.class).value();
    List<Map<String, Object>> points =
        api.call(HttpRequest.GET("/api/risk/places").bearerAuth(api.analystToken()), List.class)
            .value();

    // Independently: the analysts' points in the district's corregimientos, counted by cell.
    Set<Object> district =
        ((List<Map<String, Object>>) counts.get("corregimientos"))
            .stream().map(p -> p.get("code")).collect(Collectors.toSet());
    Map<String, Long> expected = new TreeMap<>();
    for (Map<String, Object> p : points) {
      if (district.contains(p.get("territory"))) {
        Map<String, Object> at = (Map<String, Object>) p.get("point");
        expected.merge(cell(at.get("lat"), at.get("lon"), grid), 1L, Long::sum);
      }
    }
    int threshold = ((Number) grid.get("withheldBelow")).intValue();
    List<Map<String, Object>> cells = (List<Map<String, Object>>) grid.get("cells");

    assertThat(threshold).isGreaterThan(1);
    // The demo district is 30–40 km across: 2 km cells put at most 24 across it.
    assertThat(grid.get("cellMetres")).isEqualTo(2000);
    assertThat(new BigDecimal(grid.get("cellDegrees").toString())).isEqualByComparingTo("0.018");
    assertThat(cells).hasSize(expected.size());
    assertThat(((Number) grid.get("total")).longValue())
        .isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
    int shown = 0;
    int withheld = 0;
    for (Map<String, Object> c : cells) {
      String key = cell(centre(c, "south", "north"), centre(c, "west", "east"), grid);
      if ("WITHHELD".equals(c.get("mark"))) {
        assertThat(c.get("count")).as("%s", c).isNull();
        withheld++;
      } else {
        long n = ((Number) c.get("count")).longValue();
        assertThat(n).as("%s", c).isGreaterThanOrEqualTo(threshold).isEqualTo(expected.get(key));
        shown++;
      }
      if (expected.get(key) < threshold) {
        assertThat(c.get("mark"))
            .as("%s has %d reports", c, expected.get(key))
            .isEqualTo("WITHHELD");
      }
    }
    assertThat(shown).as("the demo has cells shown").isPositive();
    assertThat(withheld).as("and cells withheld").isPositive();
  }

  @Test
  void theGridMapHatchesSmallCellsNamesItsPeriodAndDrawsNoPoint() {
    Browser browser = new Browser(server.getURI());
    var page = browser.get("/mapa-de-riesgo?vista=cuadricula");
    var svg = browser.get("/mapa-de-riesgo/mapa.svg?vista=cuadricula");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Mapa por cuadrícula de unos 2\u00a0km")
        .contains("Periodo: ")
        .contains("mapa.svg?vista=cuadricula")
        .doesNotContain("<circle")
        .doesNotContain("-79.");
    assertThat(svg.statusCode()).isEqualTo(200);
    assertThat(svg.body())
        .contains("por cuadrícula de unos 2\u00a0km")
        .contains("map-withheld")
        .doesNotContain("<circle");
    // Every cell a pointer reads: a count of at least 5, or "suprimido".
    Matcher titles = Pattern.compile("<title>Celda \\d+ \\([^)]*\\): ([^ <]+)").matcher(svg.body());
    int cells = 0;
    while (titles.find()) {
      cells++;
      String value = titles.group(1);
      assertThat(value.equals("suprimido") || Integer.parseInt(value) >= 5).as(value).isTrue();
    }
    assertThat(cells).isPositive();

    var refused = new Browser(server.getURI()).get("/mapa-de-riesgo/puntos");
    assertThat(refused.statusCode()).isNotEqualTo(200);
  }

  @Test
  void theRiskMapPageItsMapAndItsTableNameThePeriodTheyCount() {
    int year = LocalDate.now(Dates.ZONE).getYear();
    String period =
        Dates.day(LocalDate.of(year, 1, 1), SPANISH)
            + " – "
            + Dates.day(LocalDate.now(Dates.ZONE), SPANISH);
    Browser browser = new Browser(server.getURI());

    var page = browser.get("/mapa-de-riesgo?anio=" + year);
    var svg = browser.get("/mapa-de-riesgo/mapa.svg?anio=" + year);

    assertThat(page.body()).contains("Periodo: " + period);
    assertThat(svg.body()).contains("Periodo: " + period + ".");
    // The data table beside the map names each corregimiento's period too.
    assertThat(page.body()).contains("<td>" + period + "</td>");
    assertThat(svg.body()).contains("Cuantiles").doesNotContain("Jenks");

    // The reader may ask for natural breaks instead: the map says so.
    var page2 = browser.get("/mapa-de-riesgo?anio=" + year + "&clases=naturales");
    var natural = browser.get("/mapa-de-riesgo/mapa.svg?anio=" + year + "&clases=naturales");
    assertThat(page2.body()).contains("mapa.svg?anio=" + year + "&amp;clases=naturales");
    assertThat(natural.body()).contains("Cortes naturales (Jenks)").contains("Periodo: " + period);
  }

  /** A point's cell, "row:column", as floor(degrees / the grid's cell) in exact decimals. */
  private static String cell(Object lat, Object lon, Map<String, Object> grid) {
    BigDecimal side = new BigDecimal(grid.get("cellDegrees").toString());
    return floor(lat, side) + ":" + floor(lon, side);
  }

  private static long floor(Object degrees, BigDecimal side) {
    return new BigDecimal(degrees.toString()).divide(side, 0, RoundingMode.FLOOR).longValueExact();
  }

  private static double centre(Map<String, Object> c, String low, String high) {
    return (((Number) c.get(low)).doubleValue() + ((Number) c.get(high)).doubleValue()) / 2;
  }
}
