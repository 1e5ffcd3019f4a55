package org.atalaya.web.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dashboard files from a configured directory: good ones load, a malformed one is named and
 * skipped.
 */
class DashboardFilesTest {
  @Test
  void aMalformedFileIsReportedWithItsNameAndLineAndTheOthersStillLoad(@TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("a-bueno.yml"),
        "page: corregimiento\npanels:\n  - chart: TERRITORIES\n    breakdown: TERRITORY\n");
    Files.writeString(
        dir.resolve("b-roto.yml"), "page: roto\npanels:\n  - chart: TRAJECTORY\n    chart: [\n");
    Files.writeString(dir.resolve("c-desconocido.yml"), "page: otro\npanels:\n  - chart: PIE\n");

    var result = DashboardFiles.read(Dashboards.directory(dir));

    assertThat(result.dashboards()).extracting(Dashboard::page).containsExactly("corregimiento");
    assertThat(result.dashboards().get(0).panels().get(0).indicators()).containsExactly("*");
    assertThat(result.problems()).hasSize(2);
    assertThat(result.problems().get(0))
        .contains("b-roto.yml:")
        .matches("(?s).*b-roto\\.yml:[1-9]\\d*: .*");
    assertThat(result.problems().get(1)).contains("c-desconocido.yml:3:").contains("PIE");
  }

  @Test
  void theServiceStartsWithABrokenDirectoryAndKeepsThePackedDashboards(@TempDir Path dir)
      throws IOException {
    Files.writeString(dir.resolve("roto.yml"), "page: [\n");

    Dashboards dashboards = new Dashboards(dir.toString());

    assertThat(dashboards.forPage("indicador")).isPresent();
    assertThat(dashboards.problems()).singleElement().asString().contains("roto.yml:");
  }
}
