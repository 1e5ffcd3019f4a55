package org.atalaya.attack;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A NUL byte in a path or parameter and dates nobody can mean (year ±999 999 999, year 0) answer a
 * 400 that says so in words — never a 500 from the database or the date arithmetic.
 */
@MicronautTest(environments = "test")
class MalformedRequestTest {
  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  String analyst;
  String code;

  @BeforeEach
  void indicator() {
    api = new Api(client);
    analyst = api.analystToken();
    code = "MAL-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    IndicatorFixtures.create(api, analyst, IndicatorFixtures.domesticViolenceReports(code));
  }

  private Api.Reply<Map> get(String uri) {
    return api.call(HttpRequest.GET(uri).bearerAuth(analyst), Map.class);
  }

  @Test
  void aNulByteInAPathOrParameterIsA400() {
    for (String uri :
        List.of(
            "/api/indicators/" + code + "%00",
            "/api/indicators/%00/series",
            "/api/progress/indicators/a%00b",
            "/api/indicators/" + code + "/series?territory=LCH%0001",
            "/indicadores/" + code + "%00")) {
      var reply = get(uri);
      assertThat(reply.status()).as(uri).isEqualTo(400);
    }
    var reply = get("/api/indicators/%00/series");
    assertThat(reply.error().errors().get(0).message())
        .isEqualTo("la dirección contiene un carácter nulo (%00)");
  }

  @Test
  void datesOfYearPlusOrMinus999999999OrZeroAreA400InWords() {
    for (String uri :
        List.of(
            "/api/progress/indicators/" + code + "?asOf=%2B999999999-12-31",
            "/api/progress/indicators/" + code + "?asOf=-999999999-01-01",
            "/api/indicators/" + code + "/series?from=-999999999-01-01",
            "/api/indicators/" + code + "/series?to=%2B999999999-12-31",
            "/api/indicators/" + code + "/series?from=0000-01-01",
            "/indicadores/" + code + "?corte=%2B999999999-12-31")) {
      assertThat(get(uri).status()).as(uri).isEqualTo(400);
    }
    var reply = get("/api/progress/indicators/" + code + "?asOf=-999999999-01-01");
    assertThat(reply.error().errors().get(0).message())
        .isEqualTo(
            "«-999999999-01-01» en «asOf» no es una fecha admitida: use años de 1 a 9999, como"
                + " 2025-12-31");
    assertThat(get("/api/indicators/" + code + "/series?from=2020-01-01").status()).isEqualTo(200);
  }
}
