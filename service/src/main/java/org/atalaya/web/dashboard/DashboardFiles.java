package org.atalaya.web.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.atalaya.shared.Messages;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads dashboard files strictly against {@link PageKind}: every field is known and used, every
 * value one the page offers. Each problem is "file:line: what is wrong", in the operator's words
 * (Spanish by default), so the start can stop and say where to look.
 */
final class DashboardFiles {
  static final String PAGE = "pagina";
  static final String PANELS = "paneles";
  static final String PANEL = "panel";

  private DashboardFiles() {}

  /** The dashboards read and the problems met, in the order of the files given. */
  record Result(List<Read> dashboards, List<String> problems) {}

  /** A dashboard and the file it came from. */
  record Read(Dashboard dashboard, String file) {}

  interface Source {
    String name();

    InputStream open() throws IOException;
  }

  static Result read(List<Source> files, Locale locale) {
    List<Read> dashboards = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Source file : files) {
      var one = new OneFile(file.name(), locale);
      try (Reader in = new InputStreamReader(file.open(), StandardCharsets.UTF_8)) {
        Dashboard d = one.dashboard(new Yaml(new LoaderOptions()).compose(in));
        if (d != null && one.problems.isEmpty()) {
          dashboards.add(new Read(d, file.name()));
        }
      } catch (MarkedYAMLException e) {
        int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
        one.problem(line, "dashboard.error.yaml");
      } catch (IOException | YAMLException e) {
        one.problem(0, "dashboard.error.unreadable", String.valueOf(e.getMessage()));
      }
      problems.addAll(one.problems);
    }
    return new Result(dashboards, problems);
  }

  /** One file's walk over its YAML nodes, collecting every problem rather than the first. */
  private static final class OneFile {
    final String name;
    final Locale locale;
    final List<String> problems = new ArrayList<>();

    OneFile(String name, Locale locale) {
      this.name = name;
      this.locale = locale;
    }

    void problem(int line, String key, Object... args) {
      problems.add(name + ":" + line + ": " + Messages.format(locale, key, args));
    }

    static int line(Node node) {
      return node.getStartMark().getLine() + 1;
    }

    Dashboard dashboard(Node root) {
      if (root == null) {
        problem(1, "dashboard.error.empty");
        return null;
      }
      if (!(root instanceof MappingNode map)) {
        problem(line(root), "dashboard.error.notMap");
        return null;
      }
      PageKind page = null;
      Node panels = null;
      int pageLine = line(root);
      Set<String> keys = new LinkedHashSet<>();
      for (NodeTuple t : map.getValue()) {
        String key = scalar(t.getKeyNode());
        if (key != null && !keys.add(key)) {
          problem(line(t.getKeyNode()), "dashboard.error.fieldTwice", key);
          continue;
        }
        if (PAGE.equals(key)) {
          String value = scalar(t.getValueNode());
          page = value == null ? null : PageKind.of(value).orElse(null);
          pageLine = line(t.getValueNode());
          if (page == null) {
            problem(pageLine, "dashboard.error.page", show(value), pageNames());
          }
        } else if (PANELS.equals(key)) {
          panels = t.getValueNode();
        } else {
          problem(line(t.getKeyNode()), "dashboard.error.field", show(key), PAGE + ", " + PANELS);
        }
      }
      if (page == null) {
        if (problems.isEmpty()) {
          problem(pageLine, "dashboard.error.noPage", pageNames());
        }
        return null;
      }
      if (!(panels instanceof SequenceNode list) || list.getValue().isEmpty()) {
        problem(panels == null ? pageLine : line(panels), "dashboard.error.panels", page.file());
        return null;
      }
      List<Dashboard.Panel> read = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      for (Node node : list.getValue()) {
        Dashboard.Panel panel = panel(page, node);
        if (panel != null && !seen.add(panel.kind())) {
          problem(line(node), "dashboard.error.twice", panel.kind());
        } else if (panel != null) {
          read.add(panel);
        }
      }
      return new Dashboard(page, read);
    }

    /** {@code - ejes} or {@code - panel: graficos} with the panel's one choice field. */
    Dashboard.Panel panel(PageKind page, Node node) {
      String kind = scalar(node);
      List<NodeTuple> fields = List.of();
      if (node instanceof MappingNode map) {
        fields = map.getValue();
        kind = null;
        for (NodeTuple t : fields) {
          if (PANEL.equals(scalar(t.getKeyNode()))) {
            kind = scalar(t.getValueNode());
          }
        }
      }
      if (kind == null) {
        problem(line(node), "dashboard.error.noPanel", panelNames(page));
        return null;
      }
      var rule = page.rule(kind).orElse(null);
      if (rule == null) {
        problem(line(node), "dashboard.error.panel", show(kind), page.file(), panelNames(page));
        return null;
      }
      List<String> choices = rule.values();
      Set<String> keys = new LinkedHashSet<>();
      for (NodeTuple t : fields) {
        String key = scalar(t.getKeyNode());
        if (key != null && !keys.add(key)) {
          problem(line(t.getKeyNode()), "dashboard.error.fieldTwice", key);
          continue;
        }
        if (PANEL.equals(key)) {
          continue;
        }
        if (!rule.hasOption() || !rule.option().equals(key)) {
          String allowed = rule.hasOption() ? PANEL + ", " + rule.option() : PANEL;
          problem(line(t.getKeyNode()), "dashboard.error.panelField", show(key), kind, allowed);
          continue;
        }
        choices = choices(rule, t.getValueNode());
      }
      return new Dashboard.Panel(kind, choices);
    }

    List<String> choices(PageKind.PanelRule rule, Node node) {
      String values = String.join(", ", rule.values());
      if (!(node instanceof SequenceNode list) || list.getValue().isEmpty()) {
        problem(line(node), "dashboard.error.choices", rule.option(), rule.kind(), values);
        return rule.values();
      }
      Set<String> chosen = new LinkedHashSet<>();
      for (Node item : list.getValue()) {
        String v = scalar(item);
        if (v == null || !rule.values().contains(v)) {
          problem(line(item), "dashboard.error.choice", show(v), rule.option(), values);
        } else if (!chosen.add(v)) {
          problem(line(item), "dashboard.error.choiceTwice", v, rule.option());
        }
      }
      return List.copyOf(chosen);
    }

    private static String scalar(Node node) {
      return node instanceof ScalarNode s ? s.getValue() : null;
    }

    private String show(String value) {
      return value == null ? Messages.format(locale, "dashboard.error.list") : value;
    }

    private static String pageNames() {
      return String.join(
          ", ", java.util.Arrays.stream(PageKind.values()).map(PageKind::file).toList());
    }

    private static String panelNames(PageKind page) {
      return String.join(", ", page.panels().stream().map(PageKind.PanelRule::kind).toList());
    }
  }
}
