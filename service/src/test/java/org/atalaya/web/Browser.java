package org.atalaya.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as the server can tell: asks for HTML, keeps the cookies it is given, does not
 * follow redirects (so tests can look at them), and posts forms with the page's CSRF token.
 */
public final class Browser {
  private static final Pattern ACTION = Pattern.compile("method=\"post\" action=\"([^\"]+)\"");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  // HTTP/1.1 as a browser speaks it over plain http (no h2c upgrade attempts on a first request).
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String base;
  public final Map<String, String> cookies = new LinkedHashMap<>();

  public Browser(URI base) {
    this.base = base.toString().replaceAll("/$", "");
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  public HttpResponse<String> get(String path, String accept) {
    return send(request(path).setHeader("Accept", accept).GET().build());
  }

  public HttpResponse<byte[]> bytes(String path, String... headers) {
    var builder = request(path);
    for (int i = 0; i < headers.length; i += 2) {
      builder.setHeader(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<byte[]> r =
          http.send(builder.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
      keepCookies(r);
      return r;
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Posts a url-encoded form, as a browser does, with exactly the fields given. */
  public HttpResponse<String> post(String path, Map<String, String> fields) {
    String form =
        fields.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  /** The CSRF token the page put in its forms. */
  public static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no CSRF field on the page");
    }
    return m.group(1);
  }

  /** Signs in through the login form and returns the answer to the form's post. */
  public HttpResponse<String> login(String username, String password) {
    Matcher action = ACTION.matcher(get("/entrar").body());
    if (!action.find()) {
      throw new AssertionError("no login form");
    }
    return post(
        action.group(1).replace("&amp;", "&"), Map.of("username", username, "password", password));
  }

  public static List<String> setCookies(HttpResponse<?> r) {
    return r.headers().allValues("set-cookie");
  }

  private HttpRequest.Builder request(String path) {
    // What Chromium sends for a page.
    var b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    if (!cookies.isEmpty()) {
      b.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    return b;
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      keepCookies(r);
      return r;
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private void keepCookies(HttpResponse<?> r) {
    for (String c : setCookies(r)) {
      String pair = c.split(";", 2)[0];
      int eq = pair.indexOf('=');
      String name = pair.substring(0, eq).trim();
      String value = pair.substring(eq + 1).trim();
      if (value.isEmpty() || c.toLowerCase().contains("max-age=0")) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
