package org.atalaya.bench;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The timed district's paths on one service and its database: its plan's progress API (signed in),
 * its plan overview page (public: kept as rendered until the data changes; signed in: computed on
 * every request), and a 10,000-row CSV upload of new months into its corregimientos, which is
 * deleted again by SQL after each round so that every round inserts the same new cells.
 */
final class NationalTimer {
  static final String AS_OF = "2024-12-31";
  static final int UPLOAD_ROWS = 10_000;
  static final int TIMED_DISTRICT = 1;

  /** One database's figures, in milliseconds. */
  record Samples(
      List<Double> progress,
      List<Double> overviewPublic,
      List<Double> overviewSignedIn,
      List<Double> overviewAfterChange,
      List<Double> upload) {
    Samples() {
      this(
          new ArrayList<>(),
          new ArrayList<>(),
          new ArrayList<>(),
          new ArrayList<>(),
          new ArrayList<>());
    }
  }

  private final HttpClient http = Http.client(Duration.ofSeconds(5));
  private final URI base;
  private final String token;
  private final DataSource dataSource;
  final Samples samples = new Samples();

  NationalTimer(URI base, String token, DataSource dataSource) {
    this.base = base;
    this.token = token;
    this.dataSource = dataSource;
  }

  private URI progressUri() {
    return base.resolve(
        "/api/progress/plans/" + NationalShape.planCode(TIMED_DISTRICT) + "?asOf=" + AS_OF);
  }

  private URI overviewUri() {
    return base.resolve("/planes/" + NationalShape.planCode(TIMED_DISTRICT));
  }

  /** One round of the read paths; recorded unless it is a warm-up. */
  void readRound(boolean record) throws IOException, InterruptedException {
    double p = get(progressUri(), token);
    double o = get(overviewUri(), null);
    double s = get(overviewUri(), token);
    if (record) {
      samples.progress().add(p);
      samples.overviewPublic().add(o);
      samples.overviewSignedIn().add(s);
    }
  }

  /**
   * Uploads the file, checks that every row went in, times the public overview's first request
   * after that change, then deletes the uploaded rows again (the rollup follows by its triggers).
   */
  void uploadRound(Path csv, boolean record) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("/api/measurements/upload?file=nacional.csv"))
            .timeout(Duration.ofMinutes(10))
            .header("Content-Type", "text/csv")
            .header("Authorization", "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofFile(csv))
            .build();
    long t0 = System.nanoTime();
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    double ms = (System.nanoTime() - t0) / 1e6;
    String inserted = Http.jsonField(r.body(), "inserted");
    if (r.statusCode() != 200 || !Integer.toString(UPLOAD_ROWS).equals(inserted)) {
      throw new IOException(
          "upload not accepted as a whole: HTTP "
              + r.statusCode()
              + ": "
              + Figures.shorten(r.body()));
    }
    if (record) {
      samples.upload().add(ms);
      samples.overviewAfterChange().add(get(overviewUri(), null));
    }
    deleteUploaded();
  }

  private void deleteUploaded() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(
          "DELETE FROM measurement WHERE period_start >= DATE '"
              + (NationalShape.FIRST_YEAR + NationalShape.MONTHS / 12)
              + "-01-01' AND indicator_id IN (SELECT id FROM indicator WHERE code LIKE '"
              + String.format("N%02d-", TIMED_DISTRICT)
              + "%')");
    }
  }

  private double get(URI uri, String bearer) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(6)).GET();
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    long t0 = System.nanoTime();
    HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    double ms = (System.nanoTime() - t0) / 1e6;
    if (r.statusCode() != 200) {
      throw new IOException(
          "GET "
              + uri
              + " answered HTTP "
              + r.statusCode()
              + ": "
              + Figures.shorten(new String(r.body(), StandardCharsets.UTF_8)));
    }
    return ms;
  }

  /**
   * The upload: {@value #UPLOAD_ROWS} new monthly counts from 2025-01 on, for the timed district's
   * count indicators in each of its corregimientos, women, men and everyone (everyone = women +
   * men).
   */
  static Path writeUpload(Path dir, NationalShape shape) throws IOException {
    Path csv = dir.resolve("nacional.csv");
    int places = shape.corregimientosOf(TIMED_DISTRICT);
    List<Integer> counts = new ArrayList<>();
    for (int n = 1; n <= shape.indicatorsPerPlan(); n++) {
      if (n % 10 < 5) {
        counts.add(n);
      }
    }
    int written = 0;
    try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      w.write("indicador,periodo,sexo,territorio,valor\n");
      for (int m = 0; written < UPLOAD_ROWS; m++) {
        String period =
            String.format(
                "%04d-%02d",
                NationalShape.FIRST_YEAR + NationalShape.MONTHS / 12 + m / 12, m % 12 + 1);
        for (int n : counts) {
          String code = String.format("N%02d-%03d", TIMED_DISTRICT, n);
          for (int k = 1; k <= places && written < UPLOAD_ROWS; k++) {
            String place = NationalShape.districtCode(TIMED_DISTRICT) + String.format("-%02d", k);
            int f = 5 + (n * 7 + k * 13 + m * 3) % 20;
            int g = 4 + (n * 11 + k * 5 + m * 7) % 17;
            int[] values = {f, g, f + g};
            String[] sexes = {"F", "M", "_T"};
            for (int x = 0; x < 3 && written < UPLOAD_ROWS; x++) {
              w.write(code + ',' + period + ',' + sexes[x] + ',' + place + ',' + values[x] + '\n');
              written++;
            }
          }
        }
      }
    }
    return csv;
  }
}
