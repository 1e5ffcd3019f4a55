package org.atalaya.measurement;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.junit.jupiter.api.BeforeEach;

/** Two fresh indicators per test and the calls every measurement test makes. */
abstract class MeasurementFixture {
  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  String analyst;
  String rate;
  String reports;

  @BeforeEach
  void indicators() {
    api = new Api(client);
    analyst = api.analystToken();
    String suffix = Long.toString(System.nanoTime(), 36);
    rate = "HOM-" + suffix;
    reports = "VD-" + suffix;
    IndicatorFixtures.create(api, analyst, IndicatorFixtures.homicideRate(rate));
    IndicatorFixtures.create(api, analyst, IndicatorFixtures.domesticViolenceReports(reports));
  }

  Api.Reply<Map> upload(String csv, String query) {
    return api.call(
        HttpRequest.POST("/api/measurements/upload?file=datos.csv&" + query, csv)
            .contentType("text/csv")
            .bearerAuth(analyst),
        Map.class);
  }

  List<Map> series(String code, String query) {
    return (List<Map>)
        api.call(
                HttpRequest.GET("/api/indicators/" + code + "/series?" + query).bearerAuth(analyst),
                Map.class)
            .value()
            .get("points");
  }
}
