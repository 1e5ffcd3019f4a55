package org.atalaya.backup;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.atalaya.shared.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar atalaya.jar restore ARCHIVE}: puts a backup back, with the service stopped. An
 * older schema is brought forward by the migrations when the service next starts.
 */
@Command(
    name = "restore",
    mixinStandardHelpOptions = true,
    description = "Restaura una copia de seguridad / Restores a backup.")
class RestoreCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "archivo atalaya-….tar.gz / the archive")
  Path archive;

  @Option(
      names = "--data-dir",
      defaultValue = "${env:ATALAYA_DATABASE_EMBEDDED_DATA_DIR:-./data/postgres}",
      description = "carpeta de datos de destino / target data directory (${DEFAULT-VALUE})")
  Path dataDirectory;

  @Option(
      names = "--jdbc-url",
      description = "base externa vacía de destino / an empty external database (pg_dump backups)")
  String jdbcUrl;

  @Option(
      names = "--force",
      description =
          "reemplaza un destino no vacío (se conserva aparte) / replace a non-empty target (kept aside)")
  boolean force;

  @Override
  public Integer call() throws Exception {
    long start = System.nanoTime();
    try {
      if (jdbcUrl != null && !jdbcUrl.isBlank()) {
        Manifest manifest =
            DumpBackup.restore(
                archive,
                jdbcUrl,
                System.getenv().getOrDefault("DATASOURCES_DEFAULT_USERNAME", "postgres"),
                System.getenv().getOrDefault("DATASOURCES_DEFAULT_PASSWORD", ""),
                force);
        System.out.println(
            Messages.format(
                Messages.DEFAULT,
                "backup.restored.external",
                manifest.createdAt(),
                manifest.schemaVersion(),
                (System.nanoTime() - start) / 1e9));
        return 0;
      }
      Restore.Result result = Restore.embedded(archive, dataDirectory, force);
      System.out.println(
          Messages.format(
              Messages.DEFAULT,
              "backup.restored",
              result.manifest().createdAt(),
              result.manifest().schemaVersion(),
              result.target(),
              (System.nanoTime() - start) / 1e9));
      if (result.previous() != null) {
        System.out.println(
            Messages.format(Messages.DEFAULT, "backup.restored.previous", result.previous()));
      }
      return 0;
    } catch (BackupException e) {
      System.err.println(e.message(Messages.DEFAULT));
      return 2;
    } catch (java.sql.SQLException e) {
      System.err.println(
          Messages.format(Messages.DEFAULT, "backup.database.unreachable", e.getMessage()));
      return 2;
    }
  }
}
