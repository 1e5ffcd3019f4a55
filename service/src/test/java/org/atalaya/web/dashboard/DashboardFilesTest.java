package org.atalaya.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard files: the packed ones describe every observatory page with every panel it offers,
 * each panel has its template fragment; a file that breaks the schema stops the start, naming the
 * file, the line and what is wrong, in Spanish.
 */
class DashboardFilesTest {
  static final Path DASHBOARDS = Path.of("../dashboards");
  static final Path PANELS = Path.of("src/main/resources/views/panels");

  @Test
  void everyPageIsDescribedWithEveryPanelItOffersAndEachPanelHasItsFragment() throws IOException {
    Dashboards packed = new Dashboards(null);
    for (PageKind page : PageKind.values()) {
      Dashboard d = packed.of(page);
      assertThat(d).as(page.file()).isNotNull();
      assertThat(d.panels())
          .as("dashboards/%s.yml shows all its page offers", page.file())
          .extracting(Dashboard.Panel::kind)
          .containsExactlyInAnyOrderElementsOf(
              page.panels().stream().map(PageKind.PanelRule::kind).toList());
      String fragments = Files.readString(PANELS.resolve(page.fragments() + ".html"));
      for (var rule : page.panels()) {
        assertThat(fragments)
            .as("views/panels/%s.html has a fragment for %s", page.fragments(), rule.kind())
            .contains("th:fragment=\"" + rule.kind() + "\"");
      }
      assertThat(Files.readString(DASHBOARDS.resolve(page.file() + ".yml")))
          .as("one file a page, named after it")
          .contains("pagina: " + page.file());
    }
    assertThat(packed.of(PageKind.INDICADOR).choices("graficos"))
        .containsExactly("trayectoria", "sexo", "territorios", "mapa");
  }

  @Test
  void aFileFromTheDirectoryReplacesThePackedPageOfTheSameName(@TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("plan.yml"),
        "pagina: plan\npaneles:\n  - lugares\n  - panel: filtros\n    filtros: [corte]\n");

    Dashboards dashboards = new Dashboards(dir.toString());

    assertThat(dashboards.of(PageKind.PLAN).panels())
        .extracting(Dashboard.Panel::kind)
        .containsExactly("lugares", "filtros");
    assertThat(dashboards.of(PageKind.PLAN).choices("filtros")).containsExactly("corte");
    assertThat(dashboards.of(PageKind.EJE).panels()).hasSizeGreaterThan(2);
  }

  @Test
  void aBadFileStopsTheStartNamingFileLineAndWhatIsWrongInSpanish(@TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("a-plan.yml"),
        """
        pagina: plan
        paneles:
          - estado
          - panel: graficos
          - panel: filtros
            filtros: [corte, barrio]
            grafico: trayectoria
          - estado
        color: azul
        pagina: eje
        """);
    Files.writeString(dir.resolve("b-roto.yml"), "pagina: eje\npaneles: [\n");
    Files.writeString(dir.resolve("c-pagina.yml"), "pagina: portada\npaneles:\n  - ejes\n");
    Files.writeString(dir.resolve("d-otro-plan.yml"), "pagina: plan\npaneles:\n  - ejes\n");
    Files.writeString(dir.resolve("e-plan-bis.yml"), "pagina: plan\npaneles:\n  - estado\n");

    assertThatThrownBy(() -> new Dashboards(dir.toString()))
        .isInstanceOf(IllegalStateException.class)
        .message()
        .contains("El servicio no arranca")
        .contains("a-plan.yml:4: la página «plan» no tiene el panel «graficos»; use uno de estos:")
        .contains(
            "a-plan.yml:6: «barrio» no es un valor de «filtros»; use: corte, sexo, territorio.")
        .contains("a-plan.yml:7: el panel «filtros» no admite el campo «grafico»")
        .contains("a-plan.yml:8: el panel «estado» aparece dos veces")
        .contains("a-plan.yml:9: el campo «color» no existe")
        .contains("a-plan.yml:10: el campo «pagina» aparece dos veces")
        .contains("b-roto.yml:3: el archivo no es YAML válido")
        .contains(
            "c-pagina.yml:1: «portada» no es una página; use una de estas: inicio, plan, eje,")
        .contains("la página «plan» está descrita dos veces")
        .contains("d-otro-plan.yml y ")
        .contains("e-plan-bis.yml");
  }

  @Test
  void aDirectoryThatDoesNotExistStopsTheStart(@TempDir Path dir) {
    assertThatThrownBy(() -> new Dashboards(dir.resolve("no-existe").toString()))
        .hasMessageContaining("no-existe (ATALAYA_DASHBOARDS_DIR) no existe");
  }
}
