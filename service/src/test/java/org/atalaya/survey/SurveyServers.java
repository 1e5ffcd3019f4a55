package org.atalaya.survey;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Local servers that answer as KoboToolbox (API v2 data, pages of three with {@code next}) and ODK
 * Central (sessions, OData Submissions with {@code $top/$skip/$count}, pages of three) do, with the
 * eight interviews of {@code kobo-percepcion.csv} plus one submission the supervisor rejected. The
 * bodies follow the shapes in the KoboToolbox API documentation and in ODK Central's API docs and
 * its own tests (nested groups, {@code __id}, {@code __system.reviewState}).
 */
final class SurveyServers implements AutoCloseable {
  static final String KOBO_TOKEN = "kobo-token-0123456789abcdef";
  static final String ODK_EMAIL = "analista@observatorio.example";
  static final String ODK_PASSWORD = "contraseña-larga-de-prueba";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int PAGE = 3;

  final HttpServer server;
  final AtomicInteger requests = new AtomicInteger();
  final List<String> authorizations = new ArrayList<>();
  private final List<Map<String, String>> interviews;

  SurveyServers() throws IOException {
    interviews = interviews();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v2/assets/aPercChorrera25/data/", this::kobo);
    server.createContext("/v1/sessions", this::session);
    server.createContext("/v1/projects/7/forms/percepcion.svc/Submissions", this::odk);
    // Several threads, as a real server has: a slow answer does not hold the next request back.
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The fixture's rows as "group/question" → answer, and one more that was rejected. */
  private static List<Map<String, String>> interviews() {
    String[] lines =
        new String(SurveyFixture.resource("kobo-percepcion.csv"), StandardCharsets.UTF_8)
            .split("\n");
    List<String> header = Arrays.asList(lines[0].split(";", -1));
    List<Map<String, String>> out = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      List<String> cells = Arrays.asList(lines[i].split(";", -1));
      Map<String, String> row = new java.util.LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        String name = header.get(c);
        boolean question = name.chars().filter(ch -> ch == '/').count() == 1;
        if ((question || name.equals("start") || name.equals("end") || name.equals("_uuid"))
            && !cells.get(c).isEmpty()) {
          row.put(name, cells.get(c));
        }
      }
      out.add(row);
    }
    Map<String, String> rejected = new java.util.LinkedHashMap<>(out.get(1));
    rejected.put("_uuid", "5c6b1e2a-0d4f-4a8e-9b1c-000000000099");
    rejected.put("seguridad/inseguro", "1");
    rejected.put("diseno/peso", "5000");
    rejected.put("_rejected", "yes");
    out.add(4, rejected);
    return out;
  }

  private void kobo(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    if (!("Token " + KOBO_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      send(exchange, 401, "{\"detail\":\"Invalid token.\"}");
      return;
    }
    int start = Integer.parseInt(query(exchange).getOrDefault("start", "0"));
    ObjectNode page = NODES.objectNode();
    page.put("count", interviews.size());
    int end = Math.min(start + PAGE, interviews.size());
    String base = url() + "/api/v2/assets/aPercChorrera25/data/?format=json&limit=" + PAGE;
    if (end < interviews.size()) {
      page.put("next", base + "&start=" + end);
    } else {
      page.putNull("next");
    }
    if (start > 0) {
      page.put("previous", base + "&start=" + Math.max(0, start - PAGE));
    } else {
      page.putNull("previous");
    }
    ArrayNode results = page.putArray("results");
    for (int i = start; i < end; i++) {
      Map<String, String> row = interviews.get(i);
      ObjectNode s = results.addObject();
      s.put("_id", 1001 + i);
      s.put("formhub/uuid", "b7d2c3e4f5a60718293a4b5c6d7e8f90");
      row.forEach(
          (k, v) -> {
            if (!k.equals("_rejected")) {
              s.put(k, v);
            }
          });
      s.put("__version__", "vHx7Kp2");
      s.put("meta/instanceID", "uuid:" + row.get("_uuid"));
      s.put("_xform_id_string", "aPercChorrera25");
      s.putArray("_attachments");
      s.put("_status", "submitted_via_web");
      s.putArray("_geolocation").addNull().addNull();
      s.put("_submission_time", "2025-06-0" + (3 + i % 7) + "T14:05:11");
      s.putArray("_tags");
      s.putArray("_notes");
      ObjectNode status = s.putObject("_validation_status");
      if (row.containsKey("_rejected")) {
        status.put("timestamp", 1749000000);
        status.put("uid", "validation_status_not_approved");
        status.put("by_whom", "supervisora");
        status.put("color", "#ff0000");
        status.put("label", "Not Approved");
      }
      s.put("_submitted_by", "encuestador1");
    }
    send(exchange, 200, page.toString());
  }

  private void session(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    if (exchange.getRequestMethod().equals("DELETE")) {
      send(exchange, 200, "{\"success\":true}");
      return;
    }
    var body = new ObjectMapper().readTree(exchange.getRequestBody());
    if (!ODK_EMAIL.equals(body.path("email").asText())
        || !ODK_PASSWORD.equals(body.path("password").asText())) {
      send(
          exchange,
          401,
          "{\"message\":\"Could not authenticate with the provided credentials.\",\"code\":401.2}");
      return;
    }
    send(
        exchange,
        200,
        "{\"createdAt\":\"2025-06-11T10:00:00.000Z\",\"expiresAt\":\"2025-06-12T10:00:00.000Z\","
            + "\"token\":\"lSpAIeksRu1CNZs7!qjAot2T17dPzkrw9B4iTtpj7OoIJBmXvnHM8z8Ka4QPEjR7\","
            + "\"csrf\":\"secretcsrf\"}");
  }

  private void odk(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    synchronized (authorizations) {
      authorizations.add(auth);
    }
    if (!"Bearer lSpAIeksRu1CNZs7!qjAot2T17dPzkrw9B4iTtpj7OoIJBmXvnHM8z8Ka4QPEjR7".equals(auth)) {
      send(exchange, 401, "{\"message\":\"Could not authenticate.\",\"code\":401.2}");
      return;
    }
    var q = query(exchange);
    int top = Math.min(PAGE, Integer.parseInt(q.getOrDefault("$top", "250")));
    int skip = Integer.parseInt(q.getOrDefault("$skip", "0"));
    ObjectNode page = NODES.objectNode();
    page.put("@odata.context", url() + "/v1/projects/7/forms/percepcion.svc/$metadata#Submissions");
    if ("true".equals(q.get("$count"))) {
      page.put("@odata.count", interviews.size());
    }
    int end = Math.min(skip + top, interviews.size());
    ArrayNode value = page.putArray("value");
    for (int i = skip; i < end; i++) {
      Map<String, String> row = interviews.get(i);
      ObjectNode s = value.addObject();
      s.put("__id", "uuid:" + row.get("_uuid"));
      row.forEach(
          (k, v) -> {
            int slash = k.indexOf('/');
            if (slash < 0) {
              if (k.equals("start") || k.equals("end")) {
                s.put(k, v);
              }
              return;
            }
            ObjectNode group =
                s.has(k.substring(0, slash))
                    ? (ObjectNode) s.get(k.substring(0, slash))
                    : s.putObject(k.substring(0, slash));
            String field = k.substring(slash + 1);
            if (field.equals("edad") || field.equals("peso")) {
              group.put(field, Integer.parseInt(v));
            } else {
              group.put(field, v);
            }
          });
      s.putObject("meta").put("instanceID", "uuid:" + row.get("_uuid"));
      ObjectNode system = s.putObject("__system");
      system.put("submissionDate", "2025-06-0" + (3 + i % 7) + "T14:05:11.000Z");
      system.putNull("updatedAt");
      system.put("submitterId", "5");
      system.put("submitterName", "encuestador1");
      system.put("attachmentsPresent", 0);
      system.put("attachmentsExpected", 0);
      system.putNull("status");
      if (row.containsKey("_rejected")) {
        system.put("reviewState", "rejected");
      } else if (i % 2 == 0) {
        system.put("reviewState", "approved");
      } else {
        system.putNull("reviewState");
      }
      system.putNull("deviceId");
      system.put("edits", 0);
      system.put("formVersion", "2025-06");
    }
    if (end < interviews.size()) {
      page.put(
          "@odata.nextLink",
          url()
              + "/v1/projects/7/forms/percepcion.svc/Submissions?%24top="
              + top
              + "&%24count=true&%24skip="
              + end);
    }
    send(exchange, 200, page.toString());
  }

  static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> out = new HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          out.put(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  static void send(HttpExchange exchange, int status, String body) {
    try (exchange) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
