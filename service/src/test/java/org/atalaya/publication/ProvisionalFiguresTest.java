package org.atalaya.publication;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Validation is what publishes: a figure an analyst has just typed in is absent from the public's
 * API, page and chart, and changes no public status, while a signed-in person reads it marked
 * "provisional".
 */
@MicronautTest(environments = "test")
class ProvisionalFiguresTest {
  @Inject
  @Client("/")
  HttpClient client;

  @Test
  @SuppressWarnings("unchecked")
  void aFigureNobodyValidatedIsNotPublicAndIsMarkedForStaff() {
    Api api = new Api(client);
    String analyst = api.analystToken();
    String code = "PUB-PROV-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    IndicatorFixtures.create(api, analyst, IndicatorFixtures.domesticViolenceReports(code));
    var stored =
        api.call(
            HttpRequest.POST(
                    "/api/measurements",
                    List.of(
                        Map.of("indicator", code, "period", "2025-01", "value", 30),
                        Map.of("indicator", code, "period", "2025-02", "value", 90)))
                .bearerAuth(analyst),
            Map.class);
    assertThat(stored.status()).as("%s", stored.body()).isEqualTo(200);
    IndicatorFixtures.validate(api, code, "2025-01");

    String uri = "/api/public/indicators/" + code + "/figures?asOf=2025-12-31";
    Map<String, Object> anonymous = api.get(uri, Map.class).value();
    Map<String, Object> staff =
        api.call(HttpRequest.GET(uri).bearerAuth(analyst), Map.class).value();

    assertThat(anonymous).containsEntry("latest", 30.0).containsEntry("latestPeriod", "2025-01");
    assertThat((List<Map<String, Object>>) anonymous.get("figures"))
        .extracting(f -> f.get("period"))
        .containsExactly("2025-01");
    assertThat(staff).containsEntry("latest", 90.0).containsEntry("mark", "PROVISIONAL");
    assertThat((List<Map<String, Object>>) staff.get("figures"))
        .extracting(f -> f.get("period") + " " + f.get("mark"))
        .containsExactly("2025-01 SHOWN", "2025-02 PROVISIONAL");

    String page =
        client
            .toBlocking()
            .retrieve(
                HttpRequest.GET("/indicadores/" + code + "?corte=2025-12-31")
                    .header("Accept-Language", "es-PA"));
    var doc = Jsoup.parse(page);
    assertThat(doc.select("td").eachText()).contains("30").doesNotContain("90");
    assertThat(doc.text()).doesNotContain("(provisional)");
  }
}
