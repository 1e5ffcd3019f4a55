package org.atalaya.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The open export read as someone leaving Atalaya would read it: with a CSV parser, a YAML parser
 * and sha256sum, and checked against the database by independent queries, not against itself.
 */
@MicronautTest(environments = "test")
class OpenExportTest {
  private static final String PLAN = "LCH-PISCC-2025";

  @Inject
  @Client("/")
  HttpClient client;

  @Inject OpenExport export;

  @Inject
  @Named("default")
  DatasourceConfiguration datasource;

  @TempDir Path dir;

  @Test
  void everyFileIsDocumentedCheckedAndAgreesWithTheDatabase() throws Exception {
    Api api = new Api(client);
    String analyst = api.analystToken();
    String indicator = "EXP-" + System.nanoTime() % 100_000;
    var doc = IndicatorFixtures.domesticViolenceReports(indicator);
    doc.remove("actionCard");
    IndicatorFixtures.create(api, analyst, doc);
    measure(api, analyst, indicator, 20, null);
    // A reason a spreadsheet would run as a formula: the export keeps it text.
    measure(api, analyst, indicator, 22, "=HYPERLINK(\"http://x\")");

    Path out = dir.resolve("exportacion");
    try (DirectorySink sink = new DirectorySink(out)) {
      export.write(sink);
    }

    List<String> files = files(out);
    assertThat(files)
        .contains(
            "LEEME.md",
            "exportacion.json",
            "planes/" + PLAN + ".yml",
            "indicadores.yml",
            "mediciones.csv",
            "revisiones.csv",
            "auditoria.csv",
            "territorios.csv",
            "encuestas/LCH-PERCEPCION/encuesta.json",
            "encuestas/LCH-PERCEPCION/2025.csv",
            "informes/informes.csv",
            "SHA256SUMS");
    String readme = Files.readString(out.resolve("LEEME.md"));
    for (String file : files) {
      String documented = file.replaceAll("^planes/.*", "planes/CODIGO.yml");
      documented = documented.replaceAll("^encuestas/[^/]+/(?!encuesta|oleadas).*", "OLEADA.csv");
      documented = documented.replaceAll("^encuestas/[^/]+/", "encuestas/CODIGO/");
      documented = documented.replaceAll("^informes/[^/]+/[^/]+/.*", "informes/PLAN/PERIODO/vN/");
      assertThat(readme).as("LEEME.md describes %s", file).contains(documented);
    }
    assertThat(sha256sumCheck(out)).as("sha256sum -c SHA256SUMS").isEqualTo(files.size() - 1);

    // Counted by the database, not by the export.
    assertThat(csv(out, "mediciones.csv")).hasSize((int) count("SELECT count(*) FROM measurement"));
    List<CSVRecord> audit = csv(out, "auditoria.csv");
    assertThat(audit).hasSize((int) count("SELECT count(*) FROM audit_log"));
    assertThat(audit.get(audit.size() - 1).get("id"))
        .isEqualTo(String.valueOf(count("SELECT max(id) FROM audit_log")));
    List<CSVRecord> revisions =
        csv(out, "revisiones.csv").stream()
            .filter(r -> r.get("indicator").equals(indicator))
            .toList();
    assertThat(revisions).singleElement();
    assertThat(revisions.get(0).get("old_value")).isEqualTo("20");
    assertThat(revisions.get(0).get("new_value")).isEqualTo("22");
    assertThat(revisions.get(0).get("reason")).isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(csv(out, "encuestas/LCH-PERCEPCION/2025.csv"))
        .hasSize(
            (int)
                count(
                    "SELECT count(*) FROM survey_respondent r JOIN survey_wave w ON w.id = r.wave_id"
                        + " JOIN survey s ON s.id = w.survey_id"
                        + " WHERE s.code = 'LCH-PERCEPCION' AND w.code = '2025'"));

    // The plan file is the document the plan import reads: it goes back in and comes out the same.
    String plan = Files.readString(out.resolve("planes/" + PLAN + ".yml"));
    var imported =
        api.call(
            HttpRequest.POST("/api/plans/import?replace=true", plan)
                .contentType("application/yaml")
                .bearerAuth(analyst),
            Map.class);
    // A published plan changes only through a proposal (202); this one proposes no difference.
    assertThat(imported.status()).as("%s", imported.body()).isEqualTo(202);
    assertThat((List<?>) imported.value().get("differences")).isEmpty();
    assertThat(api.get("/api/plans/" + PLAN + "/export?format=yaml", String.class).value())
        .isEqualTo(plan);
  }

  @Test
  void theAdministratorDownloadsTheSameFilesAsOneZip() throws Exception {
    Api api = new Api(client);
    var zip =
        api.call(
            HttpRequest.GET("/admin/copias/exportacion").bearerAuth(api.adminToken()),
            byte[].class);

    assertThat(zip.status()).isEqualTo(200);
    assertThat(zip.contentType()).startsWith("application/zip");
    Path out = Files.createDirectories(dir.resolve("zip"));
    try (var in = new ZipInputStream(new ByteArrayInputStream(zip.value()))) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        Path file = out.resolve(e.getName());
        Files.createDirectories(file.getParent());
        Files.write(file, in.readAllBytes());
      }
    }
    assertThat(files(out)).contains("LEEME.md", "mediciones.csv", "planes/" + PLAN + ".yml");
    assertThat(sha256sumCheck(out)).isEqualTo(files(out).size() - 1);
    assertThat(
            api.call(
                    HttpRequest.GET("/admin/copias/exportacion").bearerAuth(api.analystToken()),
                    byte[].class)
                .status())
        .isEqualTo(403);
  }

  @Test
  void theCommandWritesANewFolderAndRefusesOneThatExists() throws Exception {
    Path out = dir.resolve("por-orden");
    String[] args = {
      "export", "--out", out.toString(), "--jdbc-url", datasource.getUrl(),
    };

    Run first = run(args);
    Run second = run(args);

    assertThat(first.status()).as(first.err()).isZero();
    assertThat(first.out()).contains("Exportación abierta escrita en " + out);
    assertThat(out.resolve("mediciones.csv")).exists();
    assertThat(second.status()).isEqualTo(2);
    assertThat(second.err())
        .contains("ya existe: indique una carpeta nueva")
        .contains("No se escribió nada.");
    try (Stream<Path> beside = Files.list(dir)) {
      assertThat(beside.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    }
  }

  record Run(int status, String out, String err) {}

  private static synchronized Run run(String[] args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    var o = new ByteArrayOutputStream();
    var e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int status = ExportCommand.run(args);
      return new Run(
          status, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  private static void measure(Api api, String token, String indicator, int value, String reason) {
    String uri =
        "/api/measurements"
            + (reason == null
                ? ""
                : "?reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8));
    var row =
        Map.of("indicator", indicator, "period", "2025-03", "territory", "LCH", "value", value);
    var reply = api.call(HttpRequest.POST(uri, List.of(row)).bearerAuth(token), Map.class);
    assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
  }

  /** What {@code sha256sum -c SHA256SUMS} does: every line checked; returns the files checked. */
  static int sha256sumCheck(Path root) throws Exception {
    int checked = 0;
    for (String line : Files.readAllLines(root.resolve("SHA256SUMS"))) {
      String sum = line.substring(0, 64);
      String name = line.substring(66);
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(root.resolve(name)));
      assertThat(HexFormat.of().formatHex(digest)).as(name).isEqualTo(sum);
      checked++;
    }
    return checked;
  }

  static List<String> files(Path root) throws Exception {
    try (Stream<Path> all = Files.walk(root)) {
      return new ArrayList<>(
          new TreeSet<>(
              all.filter(Files::isRegularFile)
                  .map(p -> root.relativize(p).toString().replace('\\', '/'))
                  .toList()));
    }
  }

  static List<CSVRecord> csv(Path root, String name) throws Exception {
    return CSVFormat.DEFAULT
        .builder()
        .setHeader()
        .setSkipHeaderRecord(true)
        .get()
        .parse(new StringReader(Files.readString(root.resolve(name))))
        .getRecords();
  }

  private long count(String sql) throws Exception {
    try (var c =
            DriverManager.getConnection(
                datasource.getUrl(), datasource.getUsername(), datasource.getPassword());
        var s = c.createStatement();
        var r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
