package org.atalaya.backup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.atalaya.database.EmbeddedDatabase;
import org.atalaya.shared.Messages;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar atalaya.jar backup}: one archive of the whole database, taken while the service
 * runs. On the embedded database it finds the service's server through the data directory (and
 * starts one for the copy when the service is stopped); on an external database it runs pg_dump.
 */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = "Copia de seguridad de la base de datos / Backs up the database.")
public class BackupCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      defaultValue = "${env:ATALAYA_BACKUP_DIR:-backups}",
      description = "carpeta de las copias / folder of the archives (default: ${DEFAULT-VALUE})")
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

  /** Runs {@code backup …} or {@code restore …}; returns the exit status. */
  public static int run(String[] args) {
    if (args.length > 0 && args[0].equals("restore")) {
      return new CommandLine(new RestoreCommand()).execute(tail(args));
    }
    return new CommandLine(new BackupCommand()).execute(tail(args));
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    Path archive = out.resolve(Backups.archiveName(Instant.now()));
    Manifest manifest;
    try {
      if (jdbcUrl != null && !jdbcUrl.isBlank()) {
        manifest =
            DumpBackup.run(
                jdbcUrl,
                System.getenv().getOrDefault("DATASOURCES_DEFAULT_USERNAME", "postgres"),
                System.getenv().getOrDefault("DATASOURCES_DEFAULT_PASSWORD", ""),
                archive);
      } else {
        manifest = embedded(dataDirectory.toAbsolutePath().normalize(), archive);
      }
    } catch (BackupException e) {
      System.err.println(e.message(Messages.DEFAULT));
      return 2;
    } catch (java.sql.SQLException e) {
      System.err.println(
          Messages.format(Messages.DEFAULT, "backup.database.unreachable", e.getMessage()));
      return 2;
    } catch (java.io.IOException e) {
      if (!Backups.diskFull(e)) {
        throw e;
      }
      System.err.println(Messages.format(Messages.DEFAULT, "backup.diskFull", out));
      return 2;
    }
    System.out.println(
        Messages.format(
            Messages.DEFAULT,
            "backup.done",
            archive,
            Files.size(archive) / 1e6,
            manifest.schemaVersion(),
            manifest.postgresVersion(),
            (System.nanoTime() - start) / 1e9));
    return 0;
  }

  static Manifest embedded(Path dataDirectory, Path archive) throws Exception {
    Optional<PostmasterPid> running =
        PostmasterPid.read(dataDirectory).filter(PostmasterPid::alive);
    if (running.isPresent()) {
      int port = running.get().port();
      return EmbeddedBackup.run(
          db ->
              DriverManager.getConnection(
                  "jdbc:postgresql://localhost:" + port + "/" + db, "postgres", ""),
          dataDirectory,
          EmbeddedDatabase.DATABASE,
          archive);
    }
    if (!Files.exists(dataDirectory.resolve("PG_VERSION"))) {
      throw new BackupException("backup.embedded.noDatabase", dataDirectory);
    }
    // The service is stopped: start its server just for the copy.
    try (EmbeddedPostgres pg = EmbeddedDatabase.startServer(dataDirectory, 0)) {
      return EmbeddedBackup.run(
          db -> pg.getDatabase("postgres", db).getConnection(),
          dataDirectory,
          EmbeddedDatabase.DATABASE,
          archive);
    }
  }

  private static String[] tail(String[] args) {
    if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
      return java.util.Arrays.copyOfRange(args, 1, args.length);
    }
    return args;
  }
}
