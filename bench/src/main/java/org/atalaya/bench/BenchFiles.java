package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The files a run leaves behind: temporary trees, service logs, the jar's size and date. */
final class BenchFiles {

  private BenchFiles() {}

  /** Deletes a tree, best effort. */
  static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  // best effort
                }
              });
    } catch (IOException e) {
      OUT.println("  (could not delete " + root + ": " + e.getMessage() + ")");
    }
  }

  /** The last 25 lines of a service log, indented to follow a failure; "" when unreadable. */
  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      List<String> last = lines.subList(Math.max(0, lines.size() - 25), lines.size());
      return "\n    service log, last "
          + last.size()
          + " lines:\n      "
          + String.join("\n      ", last);
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  static void appendLine(Path log, String line) {
    try {
      Files.writeString(
          log,
          line + System.lineSeparator(),
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      // the log is a diagnostic only
    }
  }

  static String modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
    } catch (IOException e) {
      return "?";
    }
  }

  static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return 0;
    }
  }
}
