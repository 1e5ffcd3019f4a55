package org.atalaya.security;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.atalaya.audit.OfflineAudit;
import org.atalaya.backup.PostmasterPid;
import org.atalaya.database.EmbeddedDatabase;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code java -jar atalaya.jar reset-password admin}: gives a person a new password without the web
 * server, for whoever lost the demo's generated one (or an administrator's). It reaches the
 * embedded database through its data directory whether the service runs or not, or an external one
 * through {@code DATASOURCES_DEFAULT_URL}; prints the new password once, unlocks the account, ends
 * its open sessions and records the change in the audit log.
 */
@Command(
    name = "reset-password",
    mixinStandardHelpOptions = true,
    description = "Nueva contraseña para una cuenta / Sets a new password for an account.")
public class ResetPasswordCommand implements Callable<Integer> {
  @Parameters(index = "0", defaultValue = "admin", description = "usuario / username (admin)")
  String username;

  @Option(
      names = "--password",
      defaultValue = "${env:ATALAYA_NEW_PASSWORD}",
      description = "la nueva, 12+ caracteres; sin ella se genera una / the new one, else random")
  String password;

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
    String[] tail = java.util.Arrays.copyOfRange(args, 1, args.length);
    return new CommandLine(new ResetPasswordCommand()).execute(tail);
  }

  @Override
  public Integer call() throws Exception {
    String secret = password == null || password.isBlank() ? random() : password;
    if (secret.length() < Passwords.MIN_LENGTH) {
      System.err.println(
          "La contraseña necesita al menos "
              + Passwords.MIN_LENGTH
              + " caracteres / The password needs at least "
              + Passwords.MIN_LENGTH
              + " characters.");
      return 2;
    }
    String hash = new Passwords().hash(secret);
    boolean found;
    if (jdbcUrl != null && !jdbcUrl.isBlank()) {
      try (Connection c =
          DriverManager.getConnection(
              jdbcUrl,
              System.getenv().getOrDefault("DATASOURCES_DEFAULT_USERNAME", "postgres"),
              System.getenv().getOrDefault("DATASOURCES_DEFAULT_PASSWORD", ""))) {
        found = reset(c, hash);
      }
    } else {
      Path dir = dataDirectory.toAbsolutePath().normalize();
      Optional<PostmasterPid> running = PostmasterPid.read(dir).filter(PostmasterPid::alive);
      if (running.isPresent()) {
        try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://localhost:"
                    + running.get().port()
                    + "/"
                    + EmbeddedDatabase.DATABASE,
                "postgres",
                "")) {
          found = reset(c, hash);
        }
      } else if (!Files.exists(dir.resolve("PG_VERSION"))) {
        System.err.println("No hay base de datos en / No database in " + dir);
        return 2;
      } else {
        try (EmbeddedPostgres pg = EmbeddedDatabase.startServer(dir, 0);
            Connection c = pg.getDatabase("postgres", EmbeddedDatabase.DATABASE).getConnection()) {
          found = reset(c, hash);
        }
      }
    }
    if (!found) {
      System.err.println("No existe la cuenta / No such account: " + username);
      return 1;
    }
    System.out.println(
        "Nueva contraseña de «" + username + "» / New password for '" + username + "': " + secret);
    return 0;
  }

  private boolean reset(Connection c, String hash) throws SQLException {
    c.setAutoCommit(false);
    try (var update =
        c.prepareStatement(
            "UPDATE app_user SET password_hash = ?, failed_attempts = 0, locked_until = NULL,"
                + " tokens_valid_from = date_trunc('second', now()) + interval '1 second'"
                + " WHERE username = ? AND NOT service_account")) {
      update.setString(1, hash);
      update.setString(2, username);
      if (update.executeUpdate() == 0) {
        c.rollback();
        return false;
      }
      OfflineAudit.updated(
          c,
          "user",
          username,
          "{\"password\":\"***\"}",
          "{\"password\":\"reset\"}",
          "reset-password command");
      c.commit();
      return true;
    }
  }

  private static String random() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
