package org.atalaya.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a killed service leaves in its data directory. PostgreSQL runs detached from the JVM, so a
 * service killed with SIGKILL (the kernel's OOM killer) leaves its postmaster running and holding
 * the directory; a killed database leaves a {@code postmaster.pid} naming a dead (or, later, a
 * reused) process. Either would stop the next start; this clears them, saying what it did.
 */
final class StalePostmaster {
  private static final Logger LOG = LoggerFactory.getLogger(StalePostmaster.class);
  private static final long STOP_WAIT_SECONDS = 60;

  private StalePostmaster() {}

  /** The postmaster named by the directory's pid file, if the file exists and names one. */
  static Optional<Long> pid(Path dataDirectory) {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    try {
      List<String> lines = Files.readAllLines(pidFile);
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Leaves the directory with no server holding it and no pid file that could block a start. */
  static void clear(Path dataDirectory) {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    Optional<Long> pid = pid(dataDirectory);
    if (pid.isEmpty()) {
      LOG.warn("Removing an unreadable postmaster.pid in {}", dataDirectory);
      delete(pidFile);
      return;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      LOG.warn(
          "The PostgreSQL server (PID {}) of {} is no longer running (it was killed or crashed):"
              + " removing its postmaster.pid before starting",
          pid.get(),
          dataDirectory);
      delete(pidFile);
      return;
    }
    if (!isPostgres(process.get())) {
      LOG.warn(
          "postmaster.pid in {} names PID {}, which is now another program ({}): removing it",
          dataDirectory,
          pid.get(),
          process.get().info().command().orElse("unknown"));
      delete(pidFile);
      return;
    }
    LOG.warn(
        "A PostgreSQL server (PID {}) left running by an earlier service still holds {}"
            + " (the service was killed without stopping it): stopping it, then starting afresh",
        pid.get(),
        dataDirectory);
    long started = System.nanoTime();
    stop(process.get(), dataDirectory);
    LOG.info(
        "The earlier PostgreSQL server (PID {}) stopped after {} ms",
        pid.get(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process
        .info()
        .command()
        .map(c -> Path.of(c).getFileName().toString().equals("postgres"))
        .orElse(false);
  }

  /**
   * A fast shutdown (pg_ctl next to the server's own binary): sessions end, the data is
   * checkpointed. Failing that, SIGTERM; a server that ignores both is killed, and the start that
   * follows runs crash recovery, as after a power cut.
   */
  private static void stop(ProcessHandle process, Path dataDirectory) {
    Optional<Path> pgCtl =
        process
            .info()
            .command()
            .map(c -> Path.of(c).resolveSibling("pg_ctl"))
            .filter(Files::isExecutable);
    try {
      if (pgCtl.isPresent()) {
        Process ctl =
            new ProcessBuilder(
                    pgCtl.get().toString(),
                    "-D",
                    dataDirectory.toString(),
                    "stop",
                    "-m",
                    "fast",
                    "-w",
                    "-t",
                    Long.toString(STOP_WAIT_SECONDS))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        boolean stopped =
            ctl.waitFor(STOP_WAIT_SECONDS + 5, TimeUnit.SECONDS) && ctl.exitValue() == 0;
        if (!stopped) {
          // pg_ctl refuses to run as root (containers often are): SIGINT is the same fast shutdown.
          LOG.warn("pg_ctl could not stop PID {}: sending SIGINT (fast shutdown)", process.pid());
          fastShutdown(process);
        }
      } else {
        process.destroy();
      }
      if (process.onExit().completeOnTimeout(null, STOP_WAIT_SECONDS, TimeUnit.SECONDS).join()
          == null) {
        LOG.error(
            "PostgreSQL (PID {}) did not stop in {} s: killing it",
            process.pid(),
            STOP_WAIT_SECONDS);
        process.destroyForcibly();
        process.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join();
      }
    } catch (IOException e) {
      LOG.warn("pg_ctl could not be run ({}): sending SIGTERM", e.getMessage());
      process.destroy();
      process.onExit().completeOnTimeout(null, STOP_WAIT_SECONDS, TimeUnit.SECONDS).join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void fastShutdown(ProcessHandle process) throws IOException, InterruptedException {
    Process kill =
        new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
      process.destroy(); // SIGTERM: a smart shutdown, which ends as soon as no client is left
    }
  }

  private static void delete(Path pidFile) {
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      LOG.warn("Could not remove {}: {}", pidFile, e.getMessage());
    }
  }
}
