package org.atalaya.bench;

import static org.atalaya.bench.Bench.OUT;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The service's fat jar that a benchmark launches. */
final class ServiceJar {

  private static final String DEFAULT_DIR = "service/target";

  private ServiceJar() {}

  /**
   * The jar given, or else the largest {@code service/target/atalaya-service-*.jar}, absolute;
   * empty, and said so, when there is none.
   */
  static Optional<Path> resolve(Path given) {
    Path jar = given != null ? given : find(Path.of(DEFAULT_DIR));
    if (jar == null || !Files.isRegularFile(jar)) {
      OUT.println(
          "No service jar found ("
              + (jar == null ? DEFAULT_DIR + "/atalaya-service-*.jar" : jar)
              + "). Build it first: mvn -q -DskipTests package");
      return Optional.empty();
    }
    return Optional.of(jar.toAbsolutePath().normalize());
  }

  private static Path find(Path dir) {
    if (!Files.isDirectory(dir)) {
      return null;
    }
    // The fat jar is the largest one (a thin jar may sit beside it).
    Path best = null;
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "atalaya-service-*.jar")) {
      for (Path p : jars) {
        if (best == null || BenchFiles.sizeOf(p) > BenchFiles.sizeOf(best)) {
          best = p;
        }
      }
    } catch (IOException e) {
      return null;
    }
    return best;
  }

  /**
   * A private copy in the run's directory: a rebuild of service/target during the run must not
   * change the subject.
   */
  static Path privateCopy(Path jar, Path workRoot) throws IOException {
    return Files.copy(jar, workRoot.resolve("service.jar"));
  }

  static void printHeaderLine(Path jar) {
    OUT.printf(
        "  jar %s (%.1f MiB, modified %s; launched from a private copy)%n",
        jar, BenchFiles.sizeOf(jar) / 1048576.0, BenchFiles.modified(jar));
  }
}
