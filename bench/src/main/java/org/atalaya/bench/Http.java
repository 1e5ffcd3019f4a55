package org.atalaya.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Requests to the service under test, and reading its flat JSON answers. */
final class Http {

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private Http() {}

  static HttpClient client(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .build();
  }

  static HttpRequest get(URI uri, Duration timeout) {
    return HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
  }

  /** A JSON POST, with a bearer token unless it is null. */
  static HttpRequest postJson(URI uri, String json, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(REQUEST_TIMEOUT)
            .header("Content-Type", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b.POST(HttpRequest.BodyPublishers.ofString(json)).build();
  }

  /** A scalar field of a flat JSON answer, as text; "?" when absent. */
  static String jsonField(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\"[^\"]*\"|[^,}\\]\\s]+)").matcher(json);
    return m.find() ? m.group(1) : "?";
  }
}
