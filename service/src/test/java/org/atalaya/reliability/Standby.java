package org.atalaya.reliability;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL streaming replica of the test database, made as {@code pg_basebackup -R} would
 * (zonky's binaries have no pg_basebackup): a replication slot, {@code pg_backup_start}, a copy of
 * the data directory, {@code pg_backup_stop}'s label, {@code standby.signal} and the primary's
 * address; then a second postmaster from the same binaries on its own port. The slot keeps the WAL
 * the standby streams from the backup's start.
 */
final class Standby implements AutoCloseable {
  private static final Set<String> EMPTIED =
      Set.of(
          "pg_wal",
          "pg_replslot",
          "pg_stat_tmp",
          "pg_notify",
          "pg_serial",
          "pg_snapshots",
          "pg_subtrans",
          "pg_dynshmem");
  private static final Set<String> SKIPPED =
      Set.of("postmaster.pid", "postmaster.opts", "backup_label", "epg-lock");

  final String url;
  final int port;
  private final Path dir;
  private final Process postmaster;
  private final String primaryUrl;
  private final String slot;

  private Standby(
      String url, int port, Path dir, Process postmaster, String primaryUrl, String slot) {
    this.url = url;
    this.port = port;
    this.dir = dir;
    this.postmaster = postmaster;
    this.primaryUrl = primaryUrl;
    this.slot = slot;
  }

  /**
   * A standby of the embedded server behind {@code primaryUrl} (jdbc:postgresql://host:port/db).
   */
  static Standby of(String primaryUrl, String user, String database) throws Exception {
    String slot = "atalaya_standby_" + ProcessHandle.current().pid();
    Path dir = Files.createTempDirectory("atalaya-standby-");
    Path data;
    String postgres;
    int primaryPort;
    String maxConnections;
    try (Connection c = DriverManager.getConnection(primaryUrl, user, "");
        var s = c.createStatement()) {
      data = Path.of(text(c, "SHOW data_directory"));
      primaryPort = Integer.parseInt(text(c, "SHOW port"));
      // A hot standby needs at least the primary's connection slots (zonky sets them on its command
      // line).
      maxConnections = text(c, "SHOW max_connections");
      long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
      postgres = ProcessHandle.of(pid).orElseThrow().info().command().orElseThrow();
      s.execute(
          "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
              + " WHERE slot_name = '"
              + slot
              + "'");
      s.execute("SELECT pg_create_physical_replication_slot('" + slot + "', true)");
      s.execute("SELECT pg_backup_start('atalaya standby', true)");
      copy(data, dir);
      try (var rs = s.executeQuery("SELECT labelfile FROM pg_backup_stop(false)")) {
        rs.next();
        Files.writeString(dir.resolve("backup_label"), rs.getString(1));
      }
    }
    int port;
    try (var socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Files.writeString(dir.resolve("standby.signal"), "");
    Files.writeString(
        dir.resolve("postgresql.auto.conf"),
        "primary_conninfo = 'host=127.0.0.1 port="
            + primaryPort
            + " user="
            + user
            + "'\n"
            + "primary_slot_name = '"
            + slot
            + "'\n"
            + "hot_standby = on\n");
    List<String> command = new ArrayList<>();
    if (root()) {
      // The server refuses to run as root: the copy goes to an unprivileged user.
      run("chown", "-R", "65534:65534", dir.toString());
      run("chmod", "700", dir.toString());
      command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
    }
    command.addAll(
        List.of(
            postgres,
            "-D",
            dir.toString(),
            "-p",
            Integer.toString(port),
            "-F",
            "-c",
            "max_connections=" + maxConnections,
            "-c",
            "timezone=UTC"));
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("standby.log").toFile())
            .start();
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    Standby standby = new Standby(url, port, dir, p, primaryUrl, slot);
    standby.awaitCaughtUp(user);
    return standby;
  }

  /** Waits until the standby accepts connections and has replayed what the primary has written. */
  void awaitCaughtUp(String user) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    String target;
    try (Connection c = DriverManager.getConnection(primaryUrl, user, "")) {
      target = text(c, "SELECT pg_current_wal_lsn()::text");
    }
    while (true) {
      try (Connection c = DriverManager.getConnection(url, user, "")) {
        String behind =
            text(c, "SELECT (pg_last_wal_replay_lsn() < '" + target + "'::pg_lsn)::text");
        if ("false".equals(behind)) {
          return;
        }
      } catch (SQLException notYet) {
        if (!postmaster.isAlive()) {
          throw new IllegalStateException("the standby stopped: " + log());
        }
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the standby did not catch up: " + log());
      }
      Thread.sleep(200);
    }
  }

  void sql(String user, String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, user, "");
        var s = c.createStatement()) {
      s.execute(statement);
    }
  }

  /** Stops the standby at once (a crash as far as the service can tell). */
  void kill() throws InterruptedException {
    var children = postmaster.descendants().toList();
    postmaster.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    postmaster.waitFor(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    kill();
    try (Connection c = DriverManager.getConnection(primaryUrl, "postgres", "");
        var s = c.createStatement()) {
      s.execute(
          "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
              + " WHERE slot_name = '"
              + slot
              + "' AND NOT active");
    } catch (SQLException e) {
      // The slot outlives the test run only if the primary is gone too.
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }

  private static boolean root() throws IOException {
    Process id = new ProcessBuilder("id", "-u").start();
    return "0".equals(new String(id.getInputStream().readAllBytes()).trim());
  }

  private static void run(String... command) throws IOException, InterruptedException {
    int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
    }
  }

  private String log() {
    try {
      return Files.readString(dir.resolve("standby.log"));
    } catch (IOException e) {
      return e.getMessage();
    }
  }

  private static String text(Connection c, String sql) throws SQLException {
    try (var s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a)
              throws IOException {
            Path target = to.resolve(from.relativize(d).toString());
            Files.createDirectories(target);
            return d != from && EMPTIED.contains(d.getFileName().toString())
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
            if (!SKIPPED.contains(f.getFileName().toString())) {
              try {
                Files.copy(
                    f,
                    to.resolve(from.relativize(f).toString()),
                    StandardCopyOption.REPLACE_EXISTING);
              } catch (java.nio.file.NoSuchFileException gone) {
                // Dropped while copying (a temporary file): the WAL replay recreates what counts.
              }
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path f, IOException e) {
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
