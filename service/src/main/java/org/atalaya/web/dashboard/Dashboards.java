package org.atalaya.web.dashboard;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboards, loaded once at start: the copies packed with the service ({@code dashboards/} on
 * the classpath), then every {@code *.yml} of {@code atalaya.dashboards.dir}, which replace packed
 * ones of the same page. A malformed file is logged with its name and line and skipped.
 */
@Context
public class Dashboards {
  private static final Logger LOG = LoggerFactory.getLogger(Dashboards.class);
  private final Map<String, Dashboard> byPage = new LinkedHashMap<>();
  private final List<String> problems;

  Dashboards(@Nullable @Value("${atalaya.dashboards.dir:}") String dir) {
    List<DashboardFiles.Source> files = new ArrayList<>(packed());
    if (dir != null && !dir.isBlank()) {
      files.addAll(directory(Path.of(dir)));
    }
    var result = DashboardFiles.read(files);
    result.dashboards().forEach(d -> byPage.put(d.page(), d));
    problems = List.copyOf(result.problems());
    problems.forEach(p -> LOG.warn("Dashboard file skipped: {}", p));
    LOG.info("Dashboards loaded: {}", byPage.keySet());
  }

  public Optional<Dashboard> forPage(String page) {
    return Optional.ofNullable(byPage.get(page));
  }

  public List<String> problems() {
    return problems;
  }

  static List<DashboardFiles.Source> directory(Path dir) {
    if (!Files.isDirectory(dir)) {
      LOG.warn("Dashboard directory {} does not exist", dir);
      return List.of();
    }
    try (Stream<Path> paths = Files.list(dir)) {
      return paths
          .filter(p -> p.getFileName().toString().endsWith(".yml"))
          .sorted()
          .map(Dashboards::file)
          .toList();
    } catch (IOException e) {
      LOG.warn("Dashboard directory {} unreadable: {}", dir, e.getMessage());
      return List.of();
    }
  }

  private static DashboardFiles.Source file(Path p) {
    return new DashboardFiles.Source() {
      public String name() {
        return p.toString();
      }

      public InputStream open() throws IOException {
        return Files.newInputStream(p);
      }
    };
  }

  /** The packed copies, from a directory (tests, IDE) or from the service's jar. */
  private static List<DashboardFiles.Source> packed() {
    URL url = Dashboards.class.getClassLoader().getResource("dashboards");
    if (url == null) {
      return List.of();
    }
    try {
      if ("file".equals(url.getProtocol())) {
        return directory(Path.of(url.toURI()));
      }
      String jar = url.getPath().substring("file:".length(), url.getPath().indexOf('!'));
      List<DashboardFiles.Source> sources = new ArrayList<>();
      try (JarFile j =
          new JarFile(java.net.URLDecoder.decode(jar, java.nio.charset.StandardCharsets.UTF_8))) {
        j.stream()
            .filter(e -> e.getName().startsWith("dashboards/") && e.getName().endsWith(".yml"))
            .map(e -> e.getName())
            .sorted()
            .forEach(name -> sources.add(resource(name)));
      }
      return sources;
    } catch (IOException | URISyntaxException | RuntimeException e) {
      LOG.warn("Packed dashboards unreadable: {}", e.getMessage());
      return List.of();
    }
  }

  private static DashboardFiles.Source resource(String name) {
    return new DashboardFiles.Source() {
      public String name() {
        return "classpath:" + name;
      }

      public InputStream open() throws IOException {
        InputStream in = Dashboards.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
          throw new IOException("missing " + name);
        }
        return in;
      }
    };
  }
}
