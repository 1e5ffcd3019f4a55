package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The same estimates with R's survey package, run by Rscript on the same CSV: svydesign with lonely
 * PSUs as certainty, svyby(svymean, deff = TRUE), df per domain, logit intervals. R is installed
 * from the system packages when it is missing and this runs as root with apt-get; otherwise the
 * benchmark says so and shows the Java side only.
 */
final class SurveyR {
  static final List<String> PACKAGES = List.of("r-base-core", "r-cran-survey");

  /** Seconds R reported for each part, and its figures as {estimate, se, deff, n, df, lo, hi}. */
  record Result(
      double readS, double designS, double estimateS, String version, Map<String, double[]> rows) {}

  private SurveyR() {}

  /** True when Rscript with the survey package can run, installing them if possible. */
  static boolean available() throws InterruptedException {
    if (works()) {
      return true;
    }
    if (!isRoot() || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
      OUT.println(
          "R's survey package is missing and cannot be installed here (needs root and apt-get):");
      OUT.println("  apt-get install -y --no-install-recommends " + String.join(" ", PACKAGES));
      return false;
    }
    OUT.println("Installing " + String.join(" ", PACKAGES) + " with apt-get...");
    if (exec(install(), 900) != 0) {
      exec(List.of("apt-get", "update"), 600);
      exec(install(), 900);
    }
    if (!works()) {
      OUT.println("R's survey package could not be installed; showing the Java side only.");
      return false;
    }
    return true;
  }

  static Result run(Path csv, Path work) throws IOException, InterruptedException {
    Path script = work.resolve("survey-bench.R");
    Path out = work.resolve("r-estimates.csv");
    Path log = work.resolve("r.log");
    Files.writeString(script, SurveyRScript.TEXT, StandardCharsets.UTF_8);
    Process p =
        new ProcessBuilder("Rscript", script.toString(), csv.toString(), out.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(60, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException("Rscript took more than an hour");
    }
    List<String> said = Files.readAllLines(log, StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IOException("Rscript failed:\n" + String.join("\n", said));
    }
    Map<String, Double> times = new HashMap<>();
    String version = "?";
    for (String line : said) {
      if (line.startsWith("R_TIME ")) {
        for (String part : line.substring(7).trim().split(" ")) {
          String[] kv = part.split("=");
          times.put(kv[0], Double.parseDouble(kv[1]));
        }
      } else if (line.startsWith("R_VERSION ")) {
        version = line.substring(10).trim();
      }
    }
    Map<String, double[]> rows = new HashMap<>();
    for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
      String[] f = line.split(",");
      double[] v = new double[7];
      for (int i = 0; i < 7; i++) {
        v[i] = number(f[i + 1]);
      }
      rows.put(f[0], v);
    }
    return new Result(times.get("read"), times.get("design"), times.get("estimate"), version, rows);
  }

  private static double number(String s) {
    return s.equals("NA") || s.equals("NaN") ? Double.NaN : Double.parseDouble(s);
  }

  private static boolean works() throws InterruptedException {
    return exec(List.of("Rscript", "-e", "suppressMessages(library(survey))"), 120) == 0;
  }

  private static boolean isRoot() throws InterruptedException {
    try {
      Process p = new ProcessBuilder("id", "-u").start();
      String uid = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      p.waitFor();
      return uid.equals("0");
    } catch (IOException e) {
      return false;
    }
  }

  private static List<String> install() {
    List<String> command = new java.util.ArrayList<>(List.of("apt-get", "install", "-y", "-q"));
    command.add("--no-install-recommends");
    command.addAll(PACKAGES);
    return command;
  }

  /** Exit code, or −1 when the program is not there or does not finish in time. */
  private static int exec(List<String> command, int seconds) throws InterruptedException {
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return -1;
      }
      return p.exitValue();
    } catch (IOException e) {
      return -1;
    }
  }
}
