package org.atalaya.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.web.Browser;
import org.junit.jupiter.api.Test;

/**
 * The report's life on its pages, on a small plan of its own: a bad period is told beside its field
 * with what was typed kept; a draft names the provisional figure that blocks it, linked to its
 * review; an analyst has no publish button and is refused; the committee is refused while the
 * figure is provisional, publishes once it is validated, and a correction needs its reason.
 */
@MicronautTest(environments = "test")
class ReportPagesTest extends ReportFixture {
  @Inject EmbeddedServer server;

  @Test
  void aReportIsCreatedBlockedPublishedAndCorrectedFromItsPages() {
    Browser analystPages = new Browser(server.getURI());
    analystPages.login("test-analyst", Api.STAFF_PASSWORD);
    String token = Browser.csrf(analystPages.get("/informes").body());

    var bad =
        analystPages.post("/informes", Map.of("_csrf", token, "plan", plan, "periodo", "2025-T5"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body())
        .contains("id=\"periodo-error\">El periodo «2025-T5» no es válido")
        .contains("value=\"2025-T5\"")
        .containsPattern("<option value=\"" + plan + "\" selected=\"selected\"");

    var created =
        analystPages.post("/informes", Map.of("_csrf", token, "plan", plan, "periodo", "2025"));
    assertThat(created.statusCode()).isEqualTo(303);
    String page = "/informes/" + plan + "/2025/1";
    assertThat(created.headers().firstValue("location")).hasValue(page + "?aviso=creado");

    measure("2025-T4", 30, null); // a changed figure is provisional until validated again
    String draft = analystPages.get(page).body();
    assertThat(draft)
        .contains("borrador creado el")
        .contains("Informe completo (español, PDF)")
        .contains("Folleto del eje «Prevención de la violencia» (español, PDF)")
        // Each data file says whose figures, which ones and in what format.
        .contains(
            "Datos abiertos del plan "
                + plan
                + ", 2025: valores, líneas de base, metas y logro por indicador (CSV)")
        .contains("metas y logro por indicador, con la identidad del informe (JSON)")
        .contains("href=\"/revision/" + indicator + "\"")
        .contains("4.º trimestre de 2025")
        .contains("Publica el informe un miembro del comité o un administrador.")
        .doesNotContain("id=\"publicar\"");
    var analystPublishes =
        analystPages.post(page + "/publicar", Map.of("_csrf", token, "confirmo", "si"));
    assertThat(analystPublishes.statusCode()).isEqualTo(403);

    Browser committeePages = new Browser(server.getURI());
    committeePages.login("test-committee", Api.STAFF_PASSWORD);
    String committeeToken = Browser.csrf(committeePages.get(page).body());
    var blocked =
        committeePages.post(page + "/publicar", Map.of("_csrf", committeeToken, "confirmo", "si"));
    assertThat(blocked.statusCode()).isEqualTo(409);
    assertThat(blocked.body())
        .contains("id=\"confirmo-error\">El informe contiene 1 periodos con cifras provisionales");

    validate("2025-T4");
    var published =
        committeePages.post(page + "/publicar", Map.of("_csrf", committeeToken, "confirmo", "si"));
    assertThat(published.statusCode()).isEqualTo(303);
    String done = committeePages.get(page + "?aviso=publicado").body();
    assertThat(done)
        .contains("La versión 1 quedó publicada.")
        .containsPattern("publicada el \\d{1,2} [a-z]{3}\\. \\d{4}")
        .containsPattern("<code class=\"hash\" data-file=\"informe-es.pdf\">[0-9a-f]{64}</code>")
        .contains("Datos abiertos del plan " + plan + ", 2025: valores medidos y estimaciones")
        .contains("en SDMX (SDMX-CSV)")
        .contains("Estructura de datos SDMX de los datos abiertos del plan " + plan + ", 2025");
    var labels = new java.util.ArrayList<String>();
    var link = java.util.regex.Pattern.compile("data-file=\"[^\"]+\">([^<]+)</a>").matcher(done);
    while (link.find()) {
      labels.add(link.group(1));
    }
    assertThat(labels).hasSizeGreaterThan(4).doesNotHaveDuplicates();

    String correction = page.replace("/1", "") + "/correcciones?desde=1";
    var noReason = committeePages.post(correction, Map.of("_csrf", committeeToken, "motivo", " "));
    assertThat(noReason.statusCode()).isEqualTo(422);
    assertThat(noReason.body())
        .contains("id=\"motivo-error\">Una nueva versión necesita el motivo");
    var corrected =
        committeePages.post(
            correction, Map.of("_csrf", committeeToken, "motivo", "Conteo del cuarto trimestre"));
    assertThat(corrected.headers().firstValue("location"))
        .hasValue("/informes/" + plan + "/2025/2?aviso=correccion");
    assertThat(new Browser(server.getURI()).get("/informes").body())
        .contains("Versión 1")
        .doesNotContain("/informes/" + plan + "/2025/2");
  }
}
