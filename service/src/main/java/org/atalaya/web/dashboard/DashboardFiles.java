package org.atalaya.web.dashboard;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads dashboard files. A file that does not parse, or names an unknown chart or field, is
 * reported as "file:line: message" and left out; it never stops the others or the service.
 */
final class DashboardFiles {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private DashboardFiles() {}

  /** The dashboards read and the problems met, in the order of the files given. */
  record Result(List<Dashboard> dashboards, List<String> problems) {}

  interface Source {
    String name();

    InputStream open() throws IOException;
  }

  static Result read(List<Source> files) {
    List<Dashboard> dashboards = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Source file : files) {
      try (InputStream in = file.open()) {
        dashboards.add(YAML.readValue(in, Dashboard.class));
      } catch (JacksonException e) {
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : at.getLineNr();
        problems.add(file.name() + ":" + line + ": " + e.getOriginalMessage());
      } catch (IOException | RuntimeException e) {
        problems.add(file.name() + ":0: " + e.getMessage());
      }
    }
    return new Result(dashboards, problems);
  }
}
