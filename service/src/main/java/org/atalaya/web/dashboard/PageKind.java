package org.atalaya.web.dashboard;

import java.util.List;
import java.util.Optional;

/**
 * The observatory's pages a dashboard file may lay out, with the panels each page can show. This is
 * the files' schema: a panel not listed here, or a choice a panel does not offer, stops the start.
 * A page with panels {@code filtros}, {@code graficos} or {@code desgloses} offers choices (which
 * filters, which charts, which breakdowns, in what order).
 */
public enum PageKind {
  INICIO("inicio", "home", rules(p("estados"), p("ejes"), p("destacados"), p("mapa"))),
  PLAN("plan", "plan", planRules()),
  EJE("eje", "plan", planRules()),
  FICHA("ficha", "card", rules(p("ficha"), filters(), p("avance"), p("ejecucion"))),
  INDICADOR(
      "indicador",
      "indicator",
      rules(
          filters(),
          p("avance"),
          p("metas"),
          new PanelRule(
              "graficos", "graficos", List.of("trayectoria", "sexo", "territorios", "mapa")),
          p("lugares"),
          p("tasas"),
          p("focos"),
          p("mapa"),
          p("fuentes"),
          p("registro"))),
  TERRITORIO(
      "territorio",
      "place",
      rules(
          new PanelRule("filtros", "filtros", List.of("corte", "sexo")),
          p("indicadores"),
          p("tendencias"),
          p("mapa"))),
  ENCUESTA(
      "encuesta",
      "survey/results",
      rules(new PanelRule("estimaciones", "desgloses", List.of("sexo", "territorio")), p("mapa")));

  private final String file;
  private final String template;
  private final List<PanelRule> panels;

  PageKind(String file, String template, List<PanelRule> panels) {
    this.file = file;
    this.template = template;
    this.panels = panels;
  }

  /** The name a file gives in {@code pagina:}. */
  public String file() {
    return file;
  }

  /** The page's template. */
  public String template() {
    return template;
  }

  /** The template of the page's panels, one fragment a panel: {@code views/panels/<this>.html}. */
  public String fragments() {
    int slash = template.indexOf('/');
    return slash < 0 ? template : template.substring(0, slash);
  }

  public List<PanelRule> panels() {
    return panels;
  }

  Optional<PanelRule> rule(String kind) {
    return panels.stream().filter(r -> r.kind().equals(kind)).findFirst();
  }

  static Optional<PageKind> of(String file) {
    for (PageKind k : values()) {
      if (k.file.equals(file)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /**
   * A panel a page can show: its kind (the fragment's name) and, when it offers a choice, the field
   * that chooses ({@code option}) and the values allowed, in their default order.
   */
  public record PanelRule(String kind, String option, List<String> values) {
    public PanelRule {
      values = List.copyOf(values);
    }

    boolean hasOption() {
      return option != null;
    }
  }

  private static PanelRule p(String kind) {
    return new PanelRule(kind, null, List.of());
  }

  private static PanelRule filters() {
    return new PanelRule("filtros", "filtros", List.of("corte", "sexo", "territorio"));
  }

  private static List<PanelRule> planRules() {
    return rules(
        filters(),
        p("estado"),
        p("ejes"),
        p("proyectos"),
        p("tendencias"),
        p("focos"),
        p("riesgo"),
        p("mapa"),
        p("lugares"));
  }

  private static List<PanelRule> rules(PanelRule... rules) {
    return List.of(rules);
  }
}
