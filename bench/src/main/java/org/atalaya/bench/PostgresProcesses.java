package org.atalaya.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** The PostgreSQL processes behind a launch of the service, found and, if need be, stopped. */
final class PostgresProcesses {

  private PostgresProcesses() {}

  /**
   * The postmaster of {@code dataDir} with its descendants, plus any process still under the JVM.
   * The postmaster is not under the JVM: zonky's {@code pg_ctl start} detaches it.
   */
  static List<ProcessHandle> of(Process jvm, Path dataDir) {
    Set<ProcessHandle> found = new LinkedHashSet<>();
    if (dataDir != null) {
      try {
        ProcessHandle.of(BenchPostgres.postmasterPid(dataDir))
            .ifPresent(
                pm -> {
                  found.add(pm);
                  pm.descendants().forEach(found::add);
                });
      } catch (IOException | RuntimeException e) {
        // Not running (yet, or any more).
      }
    }
    if (jvm != null) {
      jvm.descendants().forEach(found::add);
    }
    return new ArrayList<>(found);
  }

  /** The sum of their VmRSS, in KiB. */
  static long rssKb(List<ProcessHandle> processes) {
    long kb = 0;
    for (ProcessHandle h : processes) {
      kb += ProcFs.rssKb(h.pid());
    }
    return kb;
  }

  /**
   * Gives the processes 5 s each to exit on their own, then stops those left, by process id: the
   * postmaster first (SIGTERM), then whatever remains. Returns how many were left.
   */
  static long stopLeftovers(List<ProcessHandle> postgres) {
    for (ProcessHandle h : postgres) {
      if (h.isAlive()) {
        try {
          h.onExit().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
          // still alive: handled below
        }
      }
    }
    long left = postgres.stream().filter(ProcessHandle::isAlive).count();
    if (left > 0) {
      postgres.forEach(ProcessHandle::destroy);
      for (ProcessHandle h : postgres) {
        try {
          h.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          h.destroyForcibly();
        }
      }
    }
    return left;
  }
}
