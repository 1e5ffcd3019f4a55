package org.atalaya.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Memory, CPU and load readings of this Linux machine's processes, from /proc. */
final class ProcFs {

  private ProcFs() {}

  /** VmRSS in KiB; 0 when the process is gone. */
  static long rssKb(long pid) {
    return statusKb(pid, "VmRSS:", 0);
  }

  /** Proportional set size in KiB; 0 when the process is gone. */
  static long pssKb(long pid) {
    return kb(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:", 0);
  }

  /** A KiB field of /proc/PID/status ("VmRSS:", "VmHWM:"); {@code absent} when unreadable. */
  static long statusKb(long pid, String name, long absent) {
    return kb(Path.of("/proc", Long.toString(pid), "status"), name, absent);
  }

  /** The kB value of a "Name: 123 kB" line; {@code absent} when the file or the line is gone. */
  private static long kb(Path file, String name, long absent) {
    try (Stream<String> lines = Files.lines(file)) {
      return lines
          .filter(l -> l.startsWith(name))
          .findFirst()
          .map(l -> Long.parseLong(l.substring(name.length()).replace("kB", "").trim()))
          .orElse(absent);
    } catch (IOException | RuntimeException e) {
      return absent;
    }
  }

  /** Resets the kernel's peak RSS (VmHWM) of a process; false where the kernel refuses. */
  static boolean resetPeakRss(long pid) {
    try {
      Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  static String memTotal() {
    long kb = kb(Path.of("/proc/meminfo"), "MemTotal:", 0);
    return kb == 0 ? "memory unknown" : String.format("%.1f GiB RAM", kb / (1024.0 * 1024.0));
  }

  /** The 1-minute load average; NaN when unreadable. */
  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** User + system CPU seconds a process has used so far; NaN when unknown. */
  static double cpuSeconds(Process p) {
    return p == null ? Double.NaN : cpuSeconds(p.toHandle());
  }

  /** The same for a process handle (this JVM: {@code ProcessHandle.current()}). */
  static double cpuSeconds(ProcessHandle p) {
    return p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
  }

  /** CPU seconds the whole machine has been busy (all cores, all processes), from /proc/stat. */
  static double machineBusySeconds() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      // cpu user nice system idle iowait irq softirq steal ...
      long busy = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        if (i != 4 && i != 5) {
          busy += Long.parseLong(f[i]);
        }
      }
      return busy / 100.0;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /**
   * User + system clock ticks (1/100 s) of a process, with those of its reaped children if asked; 0
   * when the process is gone.
   */
  static long cpuTicks(long pid, boolean withChildren) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // f[0] is field 3 (state): utime 14, stime 15, cutime 16, cstime 17
      long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      if (withChildren) {
        t += Long.parseLong(f[13]) + Long.parseLong(f[14]);
      }
      return t;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }
}
