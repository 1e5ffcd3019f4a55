package org.atalaya.web.dashboard;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.atalaya.shared.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboards, loaded once at start: the copies packed with the service ({@code dashboards/} on
 * the classpath), then every {@code *.yml} of {@code atalaya.dashboards.dir}, which replace packed
 * ones of the same page. A file that breaks the schema ({@link PageKind}), two files for one page
 * in the same place, or a page no file describes stops the start, naming file and line.
 */
@Context
public class Dashboards {
  private static final Logger LOG = LoggerFactory.getLogger(Dashboards.class);
  private final Map<PageKind, Dashboard> byPage = new EnumMap<>(PageKind.class);

  Dashboards(@Nullable @Value("${atalaya.dashboards.dir:}") String dir) {
    List<String> problems = new ArrayList<>();
    load(packed(), problems);
    if (dir != null && !dir.isBlank()) {
      Path path = Path.of(dir);
      if (!Files.isDirectory(path)) {
        problems.add(Messages.format(Messages.DEFAULT, "dashboard.error.noDirectory", dir));
      }
      load(directory(path), problems);
    }
    for (PageKind page : PageKind.values()) {
      if (problems.isEmpty() && !byPage.containsKey(page)) {
        problems.add(Messages.format(Messages.DEFAULT, "dashboard.error.missing", page.file()));
      }
    }
    if (!problems.isEmpty()) {
      problems.forEach(p -> LOG.error("{}", p));
      throw new IllegalStateException(
          Messages.format(Messages.DEFAULT, "dashboard.error.start")
              + "\n"
              + String.join("\n", problems));
    }
    LOG.info("Dashboards loaded: {}", byPage.keySet());
  }

  /** The page's panels in the order to show them; every page has one (checked at start). */
  public Dashboard of(PageKind page) {
    return byPage.get(page);
  }

  /**
   * One place's files (the jar's, or the directory's): one file a page, each replacing the last.
   */
  private void load(List<DashboardFiles.Source> files, List<String> problems) {
    var result = DashboardFiles.read(files, Messages.DEFAULT);
    problems.addAll(result.problems());
    Map<PageKind, String> here = new EnumMap<>(PageKind.class);
    for (var read : result.dashboards()) {
      PageKind page = read.dashboard().page();
      String before = here.put(page, read.file());
      if (before != null) {
        problems.add(
            Messages.format(
                Messages.DEFAULT, "dashboard.error.samePage", page.file(), before, read.file()));
      }
      byPage.put(page, read.dashboard());
    }
  }

  static List<DashboardFiles.Source> directory(Path dir) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.list(dir)) {
      return paths
          .filter(p -> p.getFileName().toString().endsWith(".yml"))
          .sorted()
          .map(Dashboards::file)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
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
