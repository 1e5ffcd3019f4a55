package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The survey benchmark's HTTP leg: the service's jar launched on its own embedded PostgreSQL, each
 * file uploaded through the API as an analyst would, then one item (VP_DC) by region asked over
 * HTTP: the first answer (the wave read into memory) and warm answers after it (median, best).
 */
final class SurveyHttp implements AutoCloseable {
  record Result(
      String dataset,
      double uploadS,
      double firstMs,
      double warmMedianMs,
      double warmMinMs,
      int n) {}

  static final String ADMIN = "admin";
  private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final String QUERY = "item=VP_DC&by=region";

  private final HttpClient http = Http.client(Duration.ofSeconds(5));
  private final Process process;
  private final URI base;
  private final String token;

  /** Starts the service's jar with an embedded database in {@code work}; null if it fails. */
  static SurveyHttp start(Path work) throws Exception {
    Path jar = ServiceJar.resolve(null).orElse(null);
    if (jar == null) {
      OUT.println("HTTP leg: the service's jar was not found (service/target); skipping it.");
      return null;
    }
    Path dir = Files.createDirectories(work.resolve("service"));
    Path log = work.resolve("service.log");
    int port = ServiceProcess.freePort();
    ProcessBuilder pb =
        ServiceProcess.builder(
            ServiceProcess.command(List.of("-Xmx1g"), jar),
            dir,
            log,
            port,
            ServiceProcess.randomSecret(48));
    pb.environment().put("ATALAYA_ADMIN_USERNAME", ADMIN);
    pb.environment().put("ATALAYA_DATABASE_EMBEDDED_DATA_DIR", dir.resolve("db").toString());
    String password = ServiceProcess.randomSecret(18);
    pb.environment().put("ATALAYA_ADMIN_PASSWORD", password);
    long t0 = System.nanoTime();
    Process p = pb.start();
    URI base = URI.create("http://localhost:" + port);
    String failure =
        ServiceProcess.awaitHealthy(
            Http.client(Duration.ofSeconds(2)),
            p,
            base.resolve("/health"),
            t0,
            Duration.ofMinutes(5));
    if (failure != null) {
      OUT.println("HTTP leg: the service did not start (" + failure + "); see " + log);
      ServiceProcess.stop(p);
      return null;
    }
    OUT.printf(
        "HTTP leg: service healthy in %.1f s (pid %d, -Xmx1g, embedded PostgreSQL)%n",
        (System.nanoTime() - t0) / 1e9, p.pid());
    return new SurveyHttp(p, base, password);
  }

  private SurveyHttp(Process process, URI base, String password) throws Exception {
    this.process = process;
    this.base = base;
    this.token = login(password);
  }

  private String login(String secret) throws IOException, InterruptedException {
    String body = "{\"username\":\"" + ADMIN + "\",\"password\":\"" + secret + "\"}";
    var r = http.send(Http.postJson(base.resolve("/login"), body, null), ofString());
    Matcher m = TOKEN.matcher(r.body());
    if (r.statusCode() != 200 || !m.find()) {
      throw new IOException("login answered HTTP " + r.statusCode() + ": " + r.body());
    }
    return m.group(1);
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString();
  }

  private String send(HttpRequest request, int... ok) throws IOException, InterruptedException {
    var r = http.send(request, ofString());
    if (Arrays.stream(ok).noneMatch(s -> s == r.statusCode())) {
      throw new IOException(
          request.method()
              + " "
              + request.uri().getPath()
              + " answered HTTP "
              + r.statusCode()
              + ": "
              + Figures.shorten(r.body()));
    }
    return r.body();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofMinutes(30))
        .header("Authorization", "Bearer " + token);
  }

  /** Uploads {@code csv} as survey {@code code}'s wave 1 and times the item by region. */
  Result measure(String dataset, String code, Path csv, int warm) throws Exception {
    send(Http.postJson(base.resolve("/api/surveys"), definition(code), token), 200, 201);
    send(
        request("/api/surveys/" + code + "/mappings/ine")
            .header("Content-Type", "application/json")
            .PUT(
                HttpRequest.BodyPublishers.ofString(
                    "{\"name\":\"ine\",\"format\":\"PLAIN\",\"columns\":{\"region\":\"enc_region\"}}"))
            .build(),
        200,
        201);
    send(
        Http.postJson(
            base.resolve("/api/surveys/" + code + "/waves"),
            "{\"code\":\"1\",\"name\":\"Ronda 1\",\"periodStart\":\"2023-09-01\","
                + "\"periodEnd\":\"2023-12-31\"}",
            token),
        200,
        201);
    OUT.printf("%s: uploading over HTTP...%n", dataset);
    long t0 = System.nanoTime();
    send(
        request("/api/surveys/" + code + "/waves/1/microdata?file=bench.csv&mapping=ine")
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofFile(csv))
            .build(),
        200);
    double uploadS = (System.nanoTime() - t0) / 1e9;
    String path = "/api/surveys/" + code + "/waves/1/estimates?" + QUERY;
    long f0 = System.nanoTime();
    send(request(path).GET().build(), 200);
    double firstMs = (System.nanoTime() - f0) / 1e6;
    for (int i = 0; i < 5; i++) {
      send(request(path).GET().build(), 200);
    }
    double[] ms = new double[warm];
    for (int i = 0; i < warm; i++) {
      long s = System.nanoTime();
      send(request(path).GET().build(), 200);
      ms[i] = (System.nanoTime() - s) / 1e6;
    }
    Arrays.sort(ms);
    double median = warm % 2 == 1 ? ms[warm / 2] : (ms[warm / 2 - 1] + ms[warm / 2]) / 2;
    return new Result(dataset, uploadS, firstMs, median, ms[0], warm);
  }

  /**
   * ENUSC's design, as the service's reference test defines it (both files carry these columns).
   */
  private static String definition(String code) {
    StringBuilder regions = new StringBuilder();
    for (int r = 1; r <= 16; r++) {
      regions
          .append(r == 1 ? "" : ",")
          .append("{\"code\":\"")
          .append(r)
          .append("\",\"label\":\"Región ")
          .append(r)
          .append("\"}");
    }
    String binary = "{\"code\":\"%s\",\"label\":\"%s\",\"type\":\"BINARY\",\"weight\":\"%s\"}";
    return "{\"code\":\""
        + code
        + "\",\"name\":\"ENUSC (banco de pruebas)\","
        + "\"universe\":\"Personas de 15 años o más\","
        + "\"design\":{\"weights\":[\"Fact_Pers_Reg\",\"Fact_Hog_Reg\"],\"strata\":\"VarStrat\","
        + "\"psu\":\"Conglomerado\",\"sex\":{\"variable\":\"rph_sexo\",\"codes\":{\"1\":\"M\",\"2\":\"F\"}}},"
        + "\"items\":["
        + binary.formatted("VP_DC", "Persona víctima de algún delito", "Fact_Pers_Reg")
        + ","
        + binary.formatted("VP_DV", "Persona víctima de delito violento", "Fact_Pers_Reg")
        + ","
        + binary.formatted("PAD", "Percibe que la delincuencia aumentó", "Fact_Pers_Reg")
        + ","
        + binary.formatted("VH_DC", "Hogar víctima de algún delito", "Fact_Hog_Reg")
        + ","
        + binary.formatted("VH_DV", "Hogar víctima de delito violento", "Fact_Hog_Reg")
        + ","
        + "{\"code\":\"region\",\"label\":\"Región\",\"type\":\"CATEGORICAL\",\"weight\":"
        + "\"Fact_Pers_Reg\",\"values\":["
        + regions
        + "]}]}";
  }

  @Override
  public void close() throws Exception {
    ServiceProcess.stop(process);
  }
}
