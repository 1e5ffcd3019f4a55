package org.atalaya.web.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.atalaya.testsupport.Api;
import org.atalaya.web.Browser;
import org.junit.jupiter.api.Test;

/**
 * Two waves of the demo survey compared on a page: the change the page prints is the difference of
 * the totals each wave's own page prints; its interval holds it; "No" is said exactly when the
 * interval holds zero; a small corregimiento stays suppressed for the public; a wrong wave is a 400
 * naming the field.
 */
@MicronautTest(environments = "test")
class SurveyComparisonPageTest {
  static final String SURVEY = "/encuestas/LCH-PERCEPCION";
  static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+[.,][0-9]");

  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void theChangeIsTheDifferenceOfTheWavesWithItsIntervalAndItsVerdictInWords() {
    Browser visitor = new Browser(server.getURI());
    String page = visitor.get(SURVEY + "/comparar?desde=2024&hasta=2025&pregunta=inseguro").body();
    List<String> total = row(page, "Total");
    double y2024 = total(visitor, "2024");
    double y2025 = total(visitor, "2025");

    assertThat(number(total.get(0))).isEqualTo(y2024);
    assertThat(number(total.get(1))).isEqualTo(y2025);
    double change = number(total.get(2));
    assertThat(total.get(2)).endsWith("pp");
    assertThat(change).isCloseTo(y2025 - y2024, within(0.11));
    var bounds = NUMBER.matcher(total.get(3)).results().map(m -> number(m.group())).toList();
    assertThat(bounds).hasSize(2);
    assertThat(bounds.get(0)).isLessThanOrEqualTo(change);
    assertThat(bounds.get(1)).isGreaterThanOrEqualTo(change);
    boolean holdsZero = bounds.get(0) <= 0 && bounds.get(1) >= 0;
    assertThat(total.get(4))
        .startsWith(holdsZero ? "No: puede deberse al azar" : "Sí, significativo");
    assertThat(row(page, "Mujeres")).hasSize(5);
    assertThat(row(page, "Barrio Balboa"))
        .containsExactly("—", "—", "— (suprimida)", "—", row(page, "Barrio Balboa").get(4));
    assertThat(row(page, "Barrio Balboa").get(4)).doesNotContainPattern("[0-9]");

    var wrong = visitor.get(SURVEY + "/comparar?desde=1999");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("<code>desde</code>").contains("1999");
  }

  @Test
  void aWavesStepsAreButtonsForStaffAndARefusalIsAReadablePage() {
    Api api = new Api(client);
    api.analystToken();
    api.committeeToken();
    var created =
        api.call(
            HttpRequest.POST(
                    "/api/surveys/LCH-PERCEPCION/waves",
                    Map.of(
                        "code", "2027",
                        "name", "Ronda 2027",
                        "periodStart", "2027-06-01",
                        "periodEnd", "2027-07-31"))
                .bearerAuth(api.adminToken()),
            Map.class);
    assertThat(created.status()).isIn(201, 409);
    assertThat(new Browser(server.getURI()).get(SURVEY + "?ronda=2025").body())
        .doesNotContain("validar-ronda")
        .doesNotContain("publicar-ronda");

    Browser analyst = new Browser(server.getURI());
    analyst.login("test-analyst", Api.STAFF_PASSWORD);
    String page = analyst.get(SURVEY + "?ronda=2027").body();
    assertThat(page).contains("id=\"validar-ronda\"").contains("id=\"publicar-ronda\"");
    var notValidated =
        analyst.post(SURVEY + "/rondas/2027/publicar", Map.of("_csrf", Browser.csrf(page)));
    assertThat(notValidated.statusCode()).isBetween(400, 499);
    assertThat(notValidated.body()).contains("2027").doesNotContain("approval.");

    Browser committee = new Browser(server.getURI());
    committee.login("test-committee", Api.STAFF_PASSWORD);
    String seen = committee.get(SURVEY + "?ronda=2027").body();
    assertThat(seen).contains("id=\"validar-ronda\"").doesNotContain("id=\"publicar-ronda\"");
    var empty =
        committee.post(SURVEY + "/rondas/2027/validar", Map.of("_csrf", Browser.csrf(seen)));
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body()).contains("2027").doesNotContain("approval.");
  }

  private static double total(Browser visitor, String wave) {
    String page = visitor.get(SURVEY + "?ronda=" + wave + "&pregunta=inseguro").body();
    return number(row(page, "Total").get(0));
  }

  /** The cells of the first table row headed by {@code label}. */
  private static List<String> row(String html, String label) {
    int start = html.indexOf("<th scope=\"row\">" + label + "</th>");
    assertThat(start).as("a row for %s", label).isNotNegative();
    String tr = html.substring(start, html.indexOf("</tr>", start));
    List<String> cells = new ArrayList<>();
    var m = Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(tr);
    while (m.find()) {
      cells.add(m.group(1).strip());
    }
    return cells;
  }

  private static double number(String text) {
    var m = NUMBER.matcher(text);
    assertThat(m.find()).as("a number in %s", text).isTrue();
    return Double.parseDouble(m.group().replace(',', '.'));
  }
}
