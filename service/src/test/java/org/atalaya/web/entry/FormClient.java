package org.atalaya.web.entry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser as far as the server can tell, for the data pages: asks for HTML, keeps its cookies,
 * does not follow redirects, posts url-encoded forms and multipart uploads as a form would.
 */
public final class FormClient {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern ACTION =
      Pattern.compile("action=\"([^\"]*_csrf=[^\"]+)\" enctype=\"multipart/form-data\"");

  /** What Chromium sends for a page. */
  private static final String ACCEPT =
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  private static final Pattern LOGIN =
      Pattern.compile(
          "<form method=\"post\" action=\"(/login[^\"]*)\"[^>]*>.*?</form>", Pattern.DOTALL);
  // HTTP/1.1 as a browser speaks it over plain http (no h2c upgrade attempts).
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String base;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  public FormClient(URI base) {
    this.base = base.toString().replaceAll("/$", "");
  }

  /** Signs in through the login form, as a person would. */
  public static FormClient signedIn(URI base, String username, String password) {
    FormClient client = new FormClient(base);
    Matcher form = LOGIN.matcher(client.get("/entrar").body());
    if (!form.find()) {
      throw new AssertionError("no login form");
    }
    // The login form carries its CSRF token where the page put it (field or address).
    String html = form.group(0);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("username", username);
    fields.put("password", password);
    Matcher token = CSRF.matcher(html);
    if (token.find()) {
      fields.put("_csrf", token.group(1));
    }
    var answer = client.post(form.group(1).replace("&amp;", "&"), fields);
    if (answer.statusCode() != 303 || !client.cookies.containsKey("ATALAYA_SESSION")) {
      throw new AssertionError("login failed for " + username + ": " + answer.statusCode());
    }
    return client;
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET().build());
  }

  /**
   * Posts a url-encoded form with these fields. The CSRF token goes in the address, where the
   * pages' forms put it ({@code th:action="@{/ruta(_csrf=…)}"}).
   */
  public HttpResponse<String> post(String path, Map<String, String> given) {
    Map<String, String> fields = new LinkedHashMap<>(given);
    String token = fields.remove("_csrf");
    if (token != null) {
      path = path + (path.contains("?") ? "&" : "?") + "_csrf=" + enc(token);
    }
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

  /** Posts a multipart form: text fields, then one file under {@code fileField}. */
  public HttpResponse<String> upload(
      String path, Map<String, String> fields, String fileField, String name, byte[] content) {
    String boundary = "----atalaya" + System.nanoTime();
    var body = new ByteArrayOutputStream();
    fields.forEach(
        (k, v) ->
            write(
                body,
                "--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + k
                    + "\"\r\n\r\n"
                    + v
                    + "\r\n"));
    write(
        body,
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + fileField
            + "\"; filename=\""
            + name
            + "\"\r\nContent-Type: text/csv\r\n\r\n");
    body.writeBytes(content);
    write(body, "\r\n--" + boundary + "--\r\n");
    return send(
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
            .build());
  }

  /** The CSRF token the page put in its forms. */
  public static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no CSRF field on the page: " + html);
    }
    return m.group(1);
  }

  /** Where the page's upload form posts (its address carries the CSRF token). */
  public static String uploadAction(String html) {
    Matcher m = ACTION.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no upload form on the page");
    }
    return m.group(1).replace("&amp;", "&");
  }

  private HttpRequest.Builder request(String path) {
    var b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", ACCEPT);
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
      for (String c : r.headers().allValues("set-cookie")) {
        String pair = c.split(";", 2)[0];
        int eq = pair.indexOf('=');
        String value = pair.substring(eq + 1).trim();
        if (value.isEmpty() || c.toLowerCase().contains("max-age=0")) {
          cookies.remove(pair.substring(0, eq).trim());
        } else {
          cookies.put(pair.substring(0, eq).trim(), value);
        }
      }
      return r;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
