package org.atalaya.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL (initdb on a new directory, then the server) in the background
 * while the JVM loads the application, instead of after: the two took turns and now overlap. Only
 * when the environment names no external database; the {@link EmbeddedDatabase} bean takes the
 * server if it is for the directory and port the configuration gives, and stops it otherwise.
 */
public final class EarlyStart {
  private static final Logger LOG = LoggerFactory.getLogger(EarlyStart.class);
  private static Path directory;
  private static int port;
  private static CompletableFuture<EmbeddedPostgres> server;

  private EarlyStart() {}

  /** From {@code main}, before the application context exists. */
  public static synchronized void begin(Map<String, String> env) {
    if (server != null || configured(env, "DATASOURCES_DEFAULT_URL", "datasources.default.url")) {
      return;
    }
    String dir =
        value(env, "ATALAYA_DATABASE_EMBEDDED_DATA_DIR", "atalaya.database.embedded.data-dir");
    String portText =
        value(env, "ATALAYA_DATABASE_EMBEDDED_PORT", "atalaya.database.embedded.port");
    try {
      port = portText == null ? 0 : Integer.parseInt(portText.trim());
    } catch (NumberFormatException e) {
      return; // the configuration will say what is wrong
    }
    directory = Path.of(dir == null ? "./data/postgres" : dir).toAbsolutePath().normalize();
    Path d = directory;
    int p = port;
    server = new CompletableFuture<>();
    CompletableFuture<EmbeddedPostgres> s = server;
    Thread thread =
        new Thread(
            () -> {
              try {
                StalePostmaster.clear(d);
                s.complete(EmbeddedDatabase.startServer(d, p));
              } catch (Throwable t) {
                s.completeExceptionally(t);
              }
            },
            "embedded-postgres-start");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * The server started early for this directory and port, waiting for its start to end; null if
   * none was started for them (one started for others is stopped).
   */
  static synchronized EmbeddedPostgres take(Path dataDirectory, int wantedPort) {
    if (server == null) {
      return null;
    }
    CompletableFuture<EmbeddedPostgres> s = server;
    server = null;
    if (dataDirectory.equals(directory) && wantedPort == port) {
      try {
        return s.join();
      } catch (java.util.concurrent.CompletionException e) {
        // A failed start fails the bean as its own start would have.
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        if (e.getCause() instanceof Error err) {
          throw err;
        }
        throw e;
      }
    }
    discard(s);
    return null;
  }

  /** An external database is configured after all: the early server is not needed. */
  static synchronized void discard() {
    if (server != null) {
      discard(server);
      server = null;
    }
  }

  private static void discard(CompletableFuture<EmbeddedPostgres> s) {
    try {
      s.join().close();
      LOG.info("Stopped the embedded PostgreSQL started early: the configuration names another");
    } catch (IOException | RuntimeException e) {
      LOG.debug("The early embedded PostgreSQL: {}", e.toString());
    }
  }

  private static boolean configured(Map<String, String> env, String variable, String property) {
    String v = value(env, variable, property);
    return v != null && !v.isBlank();
  }

  private static String value(Map<String, String> env, String variable, String property) {
    String p = System.getProperty(property);
    return p != null ? p : env.get(variable);
  }
}
