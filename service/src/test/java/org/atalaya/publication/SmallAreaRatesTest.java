package org.atalaya.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.atalaya.testsupport.Api;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The demo's homicide rate by corregimiento, as the public reads it: the anonymous API and the
 * indicator page give the same observed rate (the one each corregimiento's own figures give), exact
 * interval, smoothed rate and "pocos casos" mark; the corregimiento the page is filtered to stands
 * out; a count has no such table.
 */
@MicronautTest(environments = "test")
@Property(name = "micronaut.http.client.read-timeout", value = "180s")
class SmallAreaRatesTest {
  static final String AS_OF = "2025-12-31";
  static final Locale ES = Locale.forLanguageTag("es-PA");

  @Inject
  @Client("/")
  HttpClient client;

  @SuppressWarnings("unchecked")
  private Map<String, Object> get(String uri) {
    var reply = new Api(client).get(uri, Map.class);
    assertThat(reply.status()).as("%s %s", uri, reply.problem()).isEqualTo(200);
    return reply.value();
  }

  private Document page(String query, String language) {
    return Jsoup.parse(
        client
            .toBlocking()
            .retrieve(
                HttpRequest.GET("/indicadores/HOM-TASA" + query)
                    .header("Accept-Language", language)));
  }

  @Test
  @SuppressWarnings("unchecked")
  void theApiAndThePageGiveTheSameRatesIntervalsAndMarks() {
    Map<String, Object> table =
        get("/api/public/indicators/HOM-TASA/small-areas?asOf=" + AS_OF + "&sex=M");
    List<Map<String, Object>> rows = (List<Map<String, Object>>) table.get("rows");
    assertThat(rows).hasSize(18);
    Document page = page("?corte=" + AS_OF + "&sexo=M&territorio=LCH-03", "es-PA");
    Element rates = page.selectFirst("table.rates");
    assertThat(rates).as("the rates table on the indicator page").isNotNull();
    assertThat(rates.select("thead th").eachText())
        .containsExactly(
            "Corregimiento",
            "Casos",
            "Población",
            "Tasa observada (por 100 000 hab.)",
            "Intervalo 95 % (exacto de Poisson)",
            "Tasa suavizada (Bayes empírico)",
            "Nota");
    List<Element> lines = rates.select("tbody tr");
    assertThat(lines).hasSize(18);
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> r = rows.get(i);
      String place = (String) r.get("territory");
      if ("WITHHELD".equals(r.get("mark"))) {
        // One to four deaths, or the complement of such a place: SmallAreaDisclosureTest.
        assertThat(lines.get(i).select("td").get(0).text()).isEqualTo("suprimido");
        continue;
      }
      double crude = ((Number) r.get("crude")).doubleValue();
      long events = ((Number) r.get("events")).longValue();
      double lower = ((Number) r.get("lower")).doubleValue();
      double upper = ((Number) r.get("upper")).doubleValue();
      if (List.of("LCH-01", "LCH-03", "LCH-06").contains(place)) {
        // The corregimiento's own figure for the same period, as its page and the API read it.
        Map<String, Object> own =
            get(
                "/api/public/indicators/HOM-TASA/figures?asOf="
                    + AS_OF
                    + "&sex=M&territory="
                    + place);
        assertThat(crude)
            .as("%s observed rate", place)
            .isCloseTo(((Number) own.get("latest")).doubleValue(), within(0.05));
        assertThat(own.get("latestPeriod")).isEqualTo(table.get("periodLabel"));
      }
      // The exact interval: the expected count at each limit leaves 2.5 % of the Poisson tail.
      double people = ((Number) r.get("population")).doubleValue();
      if (events > 0) {
        double mu = lower * people / 100_000;
        assertThat(1 - new PoissonDistribution(mu).cumulativeProbability((int) events - 1))
            .as("%s lower limit", place)
            .isCloseTo(0.025, within(1e-6));
      }
      double muUp = upper * people / 100_000;
      assertThat(new PoissonDistribution(muUp).cumulativeProbability((int) events))
          .as("%s upper limit", place)
          .isCloseTo(0.025, within(1e-6));
      assertThat(r.get("smallNumbers")).as("%s few cases", place).isEqualTo(events < 20);

      List<String> cells = lines.get(i).select("th, td").eachText();
      assertThat(cells)
          .as("%s on the page", place)
          .containsExactly(
              (String) r.get("name"),
              Long.toString(events),
              whole(people),
              one(crude),
              one(lower) + " – " + one(upper),
              one(((Number) r.get("smoothed")).doubleValue()),
              events < 20 ? "pocos casos: tasa poco fiable" : "");
      assertThat(lines.get(i).hasClass("highlight")).isEqualTo(place.equals("LCH-03"));
    }
    assertThat(page.select(".rates + p, div.scroll + p").text())
        .contains("Garwood", "menos de 20 casos", "Marshall");
  }

  @Test
  void theEnglishPageNamesItsColumnsInEnglish() {
    Element rates = page("?corte=" + AS_OF, "en").selectFirst("table.rates");
    assertThat(rates.select("thead th").eachText())
        .contains("Observed rate (por 100 000 hab.)", "Smoothed rate (empirical Bayes)");
  }

  @Test
  void aCountHasNoRatesByCorregimiento() {
    var reply =
        new Api(client)
            .get("/api/public/indicators/VD-DENUNCIAS/small-areas?asOf=" + AS_OF, Map.class);
    assertThat(reply.status()).isEqualTo(404);
    assertThat(
            Jsoup.parse(client.toBlocking().retrieve("/indicadores/VD-DENUNCIAS?corte=" + AS_OF))
                .select("table.rates"))
        .isEmpty();
  }

  private static String one(double v) {
    return format(v, 1);
  }

  private static String whole(double v) {
    return format(v, 0);
  }

  private static String format(double v, int decimals) {
    NumberFormat f = NumberFormat.getNumberInstance(ES);
    f.setMinimumFractionDigits(decimals);
    f.setMaximumFractionDigits(decimals);
    f.setRoundingMode(RoundingMode.HALF_UP);
    return f.format(v);
  }
}
