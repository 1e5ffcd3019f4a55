package org.atalaya.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.web.entry.FormClient;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * The administrator's backup page says when the last good backup was taken and warns when none is
 * scheduled; its button, with no folder configured, says what to set instead of failing silently.
 */
@MicronautTest(environments = "test")
class BackupPagesTest {
  @Inject EmbeddedServer server;

  @Test
  void withoutABackupFolderThePageWarnsAndTheButtonSaysWhatToSet() {
    FormClient admin = FormClient.signedIn(server.getURI(), "admin", Api.ADMIN_PASSWORD);

    var page = admin.get("/admin/copias");

    assertThat(page.statusCode()).isEqualTo(200);
    var html = Jsoup.parse(page.body());
    assertThat(html.select("h1").text()).isEqualTo("Copias de seguridad");
    assertThat(html.select("#ultima").text()).isEqualTo("Última copia correcta: ninguna");
    assertThat(html.select("#advertencia").text())
        .isEqualTo(
            "No hay copias programadas: defina ATALAYA_BACKUP_DIR con una carpeta para las copias.");
    assertThat(html.select("button").eachText()).contains("Hacer una copia ahora");

    var pressed = admin.post("/admin/copias", Map.of("_csrf", FormClient.csrf(page.body())));

    assertThat(pressed.statusCode()).isEqualTo(409);
    assertThat(Jsoup.parse(pressed.body()).select("#errores").text())
        .isEqualTo("No hay carpeta de copias configurada: defina ATALAYA_BACKUP_DIR.");
  }
}
