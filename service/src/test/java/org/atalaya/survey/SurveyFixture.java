package org.atalaya.survey;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.BeforeEach;

/** The calls every survey test makes, over real HTTP, with a fresh code per test. */
abstract class SurveyFixture {
  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  String analyst;
  String suffix;

  @BeforeEach
  void signIn() {
    api = new Api(client);
    analyst = api.analystToken();
    suffix = Long.toString(System.nanoTime(), 36).toUpperCase();
  }

  /** Walks up from the working directory (the tests run in service/) to the shared data. */
  static Path sharedSurveys() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/data/surveys");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "shared/data/surveys not found above " + Path.of("").toAbsolutePath());
  }

  static byte[] resource(String name) {
    try (InputStream in = SurveyFixture.class.getResourceAsStream("/survey/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource survey/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> item(String code, String label, String type, Object... values) {
    Map<String, Object> item = new HashMap<>();
    item.put("code", code);
    item.put("label", label);
    item.put("type", type);
    List<Map<String, Object>> labels = new ArrayList<>();
    for (int i = 0; i + 1 < values.length; i += 2) {
      labels.add(Map.of("code", values[i].toString(), "label", values[i + 1].toString()));
    }
    if (!labels.isEmpty()) {
      item.put("values", labels);
    }
    return item;
  }

  Api.Reply<Map> post(String uri, Object body) {
    return api.call(HttpRequest.POST(uri, body).bearerAuth(analyst), Map.class);
  }

  Api.Reply<Map> put(String uri, Object body) {
    return api.call(HttpRequest.PUT(uri, body).bearerAuth(analyst), Map.class);
  }

  void created(Api.Reply<?> reply) {
    if (reply.status() != 201 && reply.status() != 200) {
      throw new AssertionError("not created: " + reply.status() + " " + reply.problem());
    }
  }

  /** The committee validates a wave's estimates, the step before its publication. */
  void validate(String survey, String wave) {
    created(
        api.call(
            HttpRequest.POST("/api/surveys/" + survey + "/waves/" + wave + "/validation", Map.of())
                .bearerAuth(api.committeeToken()),
            Map.class));
  }

  void wave(String survey, String wave, String start, String end) {
    created(
        post(
            "/api/surveys/" + survey + "/waves",
            Map.of("code", wave, "name", "Ronda " + wave, "periodStart", start, "periodEnd", end)));
  }

  Api.Reply<Map> upload(String survey, String wave, byte[] file, String name, String query) {
    MutableHttpRequest<byte[]> request =
        HttpRequest.POST(
                "/api/surveys/" + survey + "/waves/" + wave + "/microdata?file=" + name + query,
                file)
            .contentType(name.endsWith(".xlsx") ? MicrodataController.XLSX : "text/csv")
            .bearerAuth(analyst);
    return api.call(request, Map.class);
  }

  Map<String, Object> estimates(String survey, String wave, String query, String token) {
    MutableHttpRequest<?> request =
        HttpRequest.GET("/api/surveys/" + survey + "/waves/" + wave + "/estimates?" + query);
    if (token != null) {
      request.bearerAuth(token);
    }
    return api.call(request, Map.class).value();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> cells(Map<String, Object> table) {
    return (List<Map<String, Object>>) table.get("cells");
  }

  /** The cell whose domain codes are these (none: the total). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> cell(Map<String, Object> table, String... codes) {
    return cells(table).stream()
        .filter(
            c ->
                ((List<Map<String, Object>>) c.get("domain"))
                    .stream().map(d -> d.get("code")).toList().equals(List.of(codes)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no cell " + List.of(codes) + " in " + table));
  }

  /** "row:column:rule:value", the way a person reads an error report. */
  static String stringOf(Map<String, Object> e) {
    return e.get("row") + ":" + e.get("column") + ":" + e.get("rule") + ":" + e.get("value");
  }

  @SuppressWarnings("unchecked")
  int respondents(String survey, String wave) {
    List<Map> waves =
        api.call(
                HttpRequest.GET("/api/surveys/" + survey + "/waves").bearerAuth(analyst),
                List.class)
            .value();
    Map<String, Object> w =
        waves.stream().filter(x -> wave.equals(x.get("code"))).findFirst().orElseThrow();
    Map<String, Object> loaded = (Map<String, Object>) w.get("loaded");
    return loaded == null ? 0 : ((Number) loaded.get("respondents")).intValue();
  }
}
