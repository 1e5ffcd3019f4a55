package org.atalaya.web.home;

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
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atalaya.publication.Publication;
import org.atalaya.shared.Periods;
import org.atalaya.testsupport.Api;
import org.atalaya.web.Browser;
import org.junit.jupiter.api.Test;

/**
 * The home page tells the same story as the plan, the action cards and the anonymous figures API:
 * one status per axis, one figure and one status per headline indicator. The methodology page
 * states the thresholds in force.
 */
@MicronautTest(environments = "test")
// Named as an observatory names them: other tests change the shared demo plan's axes and cards,
// and without the setting the headlines would follow those changes.
@Property(
    name = "atalaya.home.headline-indicators",
    value = "CALLES-ILUMINADAS,HOM-TASA,VD-DENUNCIAS,PERCEPCION-INSEG")
class HomePageTest {
  static final String PLAN = "/planes/LCH-PISCC-2025";
  static final Pattern AXIS =
      Pattern.compile(
          "id=\"eje-([A-Z]+)\">.*?class=\"status status-([A-Z_]+)\".*?(Logro: [^<]+)<",
          Pattern.DOTALL);

  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  @Inject Publication publication;

  @Test
  void eachAxisReadsAsOnThePlanPage() {
    Browser browser = new Browser(server.getURI());
    String home = browser.get("/").body();
    String plan = browser.get(PLAN).body();
    Matcher m = AXIS.matcher(plan);
    int axes = 0;
    while (m.find()) {
      axes++;
      // The demo plan's axis: other tests publish plans of their own, with axes of the same codes.
      String item = axisItem(home, PLAN + "/ejes/" + m.group(1));
      assertThat(item).as(m.group(1)).contains("status-" + m.group(2)).contains(m.group(3));
      assertThat(item).as("a bar per axis").contains("<progress max=\"100\"");
    }
    assertThat(axes).isEqualTo(5);
    assertThat(home).contains("Indicadores por estado").contains("Última actualización de datos");
  }

  @Test
  void eachHeadlineShowsTheCardsFigureAndStatusAndTheApisValue() {
    Browser browser = new Browser(server.getURI());
    String home = browser.get("/").body();
    Api api = new Api(client);
    Map<String, String> cards =
        Map.of(
            "HOM-TASA", "CONT-01",
            "VD-DENUNCIAS", "VICT-01",
            "CALLES-ILUMINADAS", "PREV-01",
            "PERCEPCION-INSEG", "FORT-01");
    for (var e : cards.entrySet()) {
      String headline = item(home, "data-indicator=\"" + e.getKey() + "\"");
      String latest = between(headline, "class=\"latest\">", "<");
      String status = between(headline, "class=\"status status-", "\"");
      String card = browser.get(PLAN + "/fichas/" + e.getValue()).body();
      String row = row(card, "/indicadores/" + e.getKey() + "?");
      assertThat(row).as("%s on its card", e.getKey()).contains(">" + latest + "<");
      assertThat(row).contains("status-" + status);

      var figures =
          api.call(HttpRequest.GET("/api/public/indicators/" + e.getKey() + "/figures"), Map.class);
      assertThat(figures.status()).isEqualTo(200);
      Map<?, ?> body = figures.value();
      assertThat(status).as("%s status as the API says", e.getKey()).isEqualTo(body.get("status"));
      // The period in words, as a person reads it, never its code.
      String period = (String) body.get("latestPeriod");
      assertThat(headline)
          .contains("Último periodo: " + Periods.text(period, Locale.forLanguageTag("es-PA")));
      if (period.contains("-")) {
        assertThat(headline).doesNotContain(period);
      }
      if (!e.getKey().equals("PERCEPCION-INSEG")) {
        // One decimal for rates, whole counts: written here from the API's number, es-PA style.
        int decimals = e.getKey().equals("HOM-TASA") ? 1 : 0;
        String number =
            new BigDecimal(String.valueOf(body.get("latest")))
                .setScale(decimals, RoundingMode.HALF_UP)
                .toPlainString();
        assertThat(latest).as(e.getKey()).startsWith(number + " ");
      }
    }
    assertThat(home).containsPattern("class=\"trend trend-(UP|DOWN|FLAT)\"");
  }

  @Test
  void theMethodologyStatesTheThresholdsInForceAndEveryLegendLinksToIt() {
    Browser browser = new Browser(server.getURI());
    String page = browser.get("/metodologia").body();
    int withheld = publication.smallCountThreshold() - 1;
    assertThat(page)
        .contains("un recuento de 1 a " + withheld + " casos no se publica")
        .contains(
            "menos de "
                + publication.smallNumbers().minEvents()
                + " casos o con un coeficiente de variación mayor que "
                + publication.smallNumbers().maxCvPercent()
                + " %")
        .containsPattern("coeficiente de variación de hasta 15[.,]0\\h?%")
        // The label of a proportion follows its standard error (INE Chile), said so.
        .contains("una proporción se valora por su error estándar")
        .contains("Supresión complementaria")
        .contains("Tasa de homicidios por 100 000 habitantes")
        .doesNotContain("??");
    for (String path :
        new String[] {"/", PLAN, PLAN + "/fichas/CONT-01", "/indicadores/HOM-TASA"}) {
      String legend = between(browser.get(path).body(), "class=\"legend\"", "</details>");
      assertThat(legend).as(path).contains("href=\"/metodologia\"").contains("de 1 a " + withheld);
    }
  }

  private static String axisItem(String html, String axisHref) {
    int link = html.indexOf("href=\"" + axisHref + "\"");
    assertThat(link).as(axisHref).isPositive();
    int at = html.lastIndexOf("data-axis=", link);
    return html.substring(at, html.indexOf("</li>", link));
  }

  private static String item(String html, String marker) {
    int at = html.indexOf(marker);
    assertThat(at).as(marker).isPositive();
    return html.substring(at, html.indexOf("</li>", at));
  }

  private static String row(String html, String marker) {
    int at = html.indexOf(marker);
    assertThat(at).as(marker).isPositive();
    return html.substring(at, html.indexOf("</tr>", at));
  }

  private static String between(String text, String from, String to) {
    int at = text.indexOf(from);
    assertThat(at).as(from).isNotNegative();
    int start = at + from.length();
    return text.substring(start, text.indexOf(to, start)).strip();
  }
}
