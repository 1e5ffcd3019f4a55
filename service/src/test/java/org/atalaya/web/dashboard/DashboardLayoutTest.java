package org.atalaya.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.atalaya.web.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An observatory lays out its pages with files alone: with its own {@code plan.yml}, {@code
 * indicador.yml} and {@code encuesta.yml} (ATALAYA_DASHBOARDS_DIR), the plan page shows the
 * corregimientos first, no projects and no sex filter; the indicator page only its chart by sex;
 * the survey page only its estimates by territory. Read over real HTTP, as a person gets them.
 */
@MicronautTest(environments = "test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardLayoutTest implements TestPropertyProvider {
  static final String PLAN = "/planes/LCH-PISCC-2025";

  @Inject EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    try {
      Path dir = Files.createTempDirectory("tableros");
      Files.writeString(
          dir.resolve("plan.yml"),
          """
          pagina: plan
          paneles:
            - lugares
            - estado
            - panel: filtros
              filtros: [territorio, corte]
            - ejes
          """);
      Files.writeString(
          dir.resolve("indicador.yml"),
          """
          pagina: indicador
          paneles:
            - avance
            - panel: graficos
              graficos: [sexo]
          """);
      Files.writeString(
          dir.resolve("encuesta.yml"),
          """
          pagina: encuesta
          paneles:
            - panel: estimaciones
              desgloses: [territorio]
          """);
      return Map.of("atalaya.dashboards.dir", dir.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void thePlanPageShowsThePanelsOfTheFileInItsOrderAndNoOthers() {
    String page = new Browser(server.getURI()).get(PLAN).body();

    int places = page.indexOf("id=\"lugares\"");
    int status = page.indexOf("Estado del plan");
    int filters = page.indexOf("class=\"filters\"");
    int axes = page.indexOf("id=\"eje-");
    assertThat(places).as("corregimientos first").isPositive();
    assertThat(places).isLessThan(status);
    assertThat(status).isLessThan(filters);
    assertThat(filters).isLessThan(axes);
    assertThat(page)
        .as("projects hidden")
        .doesNotContain("id=\"proyectos\"")
        .doesNotContain("Proyectos prioritarios");
    assertThat(page).as("no sex filter").doesNotContain("name=\"sexo\"");
    assertThat(page).contains("name=\"corte\"").contains("name=\"territorio\"");
    assertThat(page.indexOf("name=\"territorio\"")).isLessThan(page.indexOf("name=\"corte\""));
  }

  @Test
  void theAxisPageKeepsThePackedLayout() {
    String page = new Browser(server.getURI()).get(PLAN + "/ejes/CONT").body();

    assertThat(page).contains("name=\"sexo\"");
    assertThat(page.indexOf("class=\"filters\"")).isLessThan(page.indexOf("Estado del plan"));
  }

  @Test
  void theIndicatorPageShowsOnlyTheChartTheFileChose() {
    String page = new Browser(server.getURI()).get("/indicadores/HOM-TASA").body();

    assertThat(page).contains("/indicadores/HOM-TASA/graficos/sex.svg");
    assertThat(page).doesNotContain("/graficos/trajectory.svg").doesNotContain("/graficos/map.svg");
    assertThat(page).as("no filter form").doesNotContain("class=\"filters\"");
    assertThat(page).as("no targets").doesNotContain("id=\"metas\"");
  }

  @Test
  void theSurveyPageShowsOnlyTheBreakdownTheFileChose() {
    String page =
        new Browser(server.getURI())
            .get("/encuestas/LCH-PERCEPCION?ronda=2025&pregunta=inseguro")
            .body();

    assertThat(page).contains("/encuestas/LCH-PERCEPCION/graficos/territorio.svg");
    assertThat(page).doesNotContain("/encuestas/LCH-PERCEPCION/graficos/sexo.svg");
  }
}
