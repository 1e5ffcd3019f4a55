package org.atalaya.export;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.atalaya.backup.PostmasterPid;
import org.atalaya.database.EmbeddedDatabase;
import org.atalaya.shared.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar atalaya.jar export --out DIR}: the open export into a new folder, from the
 * running service's embedded database (found through its data directory), a stopped one (started
 * just for the export) or an external one. It starts Atalaya's services without the web server and
 * without migrations: the database is read, never changed.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Exportación abierta (YAML, CSV, JSON) / Open export (YAML, CSV, JSON).")
public class ExportCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      required = true,
      description = "carpeta nueva de la exportación / a new folder for the export")
  Path out;

  @Option(
      names = "--data-dir",
      defaultValue = "${env:ATALAYA_DATABASE_EMBEDDED_DATA_DIR:-./data/postgres}",
      description = "datos de la base embebida / embedded data directory (${DEFAULT-VALUE})")
  Path dataDirectory;

  @Option(
      names = "--jdbc-url",
      defaultValue = "${env:DATASOURCES_DEFAULT_URL}",
      description = "base externa / external database (DATASOURCES_DEFAULT_URL)")
  String jdbcUrl;

  public static int run(String[] args) {
    String[] tail =
        args.length > 0 && args[0].equals("export")
            ? java.util.Arrays.copyOfRange(args, 1, args.length)
            : args;
    return new CommandLine(new ExportCommand()).execute(tail);
  }

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    try (DirectorySink sink = new DirectorySink(out);
        ApplicationContext context = ApplicationContext.run(properties(), "export")) {
      OpenExport.Summary summary = context.getBean(OpenExport.class).write(sink);
      System.out.println(
          Messages.format(
              Messages.DEFAULT,
              "export.done",
              sink.target(),
              summary.files(),
              summary.rows().getOrDefault("mediciones.csv", 0L),
              (System.nanoTime() - start) / 1e9));
      return 0;
    } catch (ExportException e) {
      System.err.println(e.message(Messages.DEFAULT));
      return 2;
    } catch (Exception e) {
      System.err.println(Messages.format(Messages.DEFAULT, "export.failed", String.valueOf(e)));
      return 2;
    }
  }

  private Map<String, Object> properties() throws java.io.IOException {
    Map<String, Object> p = new HashMap<>();
    p.put("flyway.datasources.default.enabled", false);
    p.put("atalaya.backup.dir", "");
    p.put("atalaya.demo", false);
    p.put("datasources.default.maximum-pool-size", 2);
    byte[] secret = new byte[48];
    new SecureRandom().nextBytes(secret);
    p.put(
        "micronaut.security.token.jwt.signatures.secret.generator.secret",
        Base64.getEncoder().encodeToString(secret));
    if (jdbcUrl != null && !jdbcUrl.isBlank()) {
      p.put("datasources.default.url", jdbcUrl);
      p.put(
          "datasources.default.username",
          System.getenv().getOrDefault("DATASOURCES_DEFAULT_USERNAME", "postgres"));
      p.put(
          "datasources.default.password",
          System.getenv().getOrDefault("DATASOURCES_DEFAULT_PASSWORD", ""));
      return p;
    }
    Path data = dataDirectory.toAbsolutePath().normalize();
    Optional<PostmasterPid> running = PostmasterPid.read(data).filter(PostmasterPid::alive);
    if (running.isPresent()) {
      p.put(
          "datasources.default.url",
          "jdbc:postgresql://localhost:" + running.get().port() + "/" + EmbeddedDatabase.DATABASE);
      p.put("datasources.default.username", "postgres");
      p.put("datasources.default.password", "");
    } else if (!java.nio.file.Files.exists(data.resolve("PG_VERSION"))) {
      throw new ExportException("export.noDatabase", data);
    } else {
      p.put("datasources.default.url", "");
      p.put("atalaya.database.embedded.data-dir", data.toString());
    }
    return p;
  }
}
