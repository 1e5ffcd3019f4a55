package org.atalaya.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.web.entry.FormClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The users page over HTTP as a browser uses it: who may open it, creating, disabling, changing the
 * role and resetting the password of an account, refusals that change nothing, and text typed by
 * people printed as text.
 */
@MicronautTest(environments = "test")
class UserPagesTest {
  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  FormClient admin;

  @BeforeEach
  void signIn() {
    api = new Api(client);
    api.analystToken();
    api.committeeToken();
    admin = FormClient.signedIn(server.getURI(), "admin", Api.ADMIN_PASSWORD);
  }

  private String csrf() {
    return FormClient.csrf(admin.get("/admin/usuarios").body());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> user(String username) {
    List<?> users =
        api.call(HttpRequest.GET("/api/users").bearerAuth(api.adminToken()), List.class).value();
    return users.stream()
        .map(u -> (Map<String, Object>) u)
        .filter(u -> username.equals(u.get("username")))
        .findFirst()
        .orElse(null);
  }

  @Test
  void onlyAdministratorsOpenThePageAnonymousVisitorsAreSentToTheLogin() {
    var anonymous = new FormClient(server.getURI()).get("/admin/usuarios");
    var analyst =
        FormClient.signedIn(server.getURI(), "test-analyst", Api.STAFF_PASSWORD)
            .get("/admin/usuarios");
    var committee =
        FormClient.signedIn(server.getURI(), "test-committee", Api.STAFF_PASSWORD)
            .get("/admin/usuarios");
    var page = admin.get("/admin/usuarios");

    assertThat(anonymous.statusCode()).isEqualTo(303);
    assertThat(anonymous.headers().firstValue("location").orElseThrow())
        .startsWith("/entrar?volver=");
    assertThat(analyst.statusCode()).isEqualTo(403);
    assertThat(committee.statusCode()).isEqualTo(403);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Usuarios")
        .contains("test-analyst")
        .contains("Cuentas de servicio")
        .doesNotContain("??");
  }

  @Test
  void thePagesSpeakEnglishWhenAskedTo() {
    admin.get("/idioma?lang=en&volver=/admin/usuarios");

    String users = admin.get("/admin/usuarios").body();
    String audit = admin.get("/admin/auditoria").body();

    assertThat(users)
        .contains("<html lang=\"en\"")
        .contains("Service accounts")
        .contains("New personal account")
        .doesNotContain("Cuentas de servicio");
    assertThat(audit).contains("Audit trail").contains("Download these filters as CSV");
  }

  @Test
  void aNewAccountIsACommitteeMemberByDefaultAndItsInstitutionIsSetInTheBrowser() {
    String page = admin.get("/admin/usuarios").body();
    String form = page.substring(page.indexOf("id=\"nuevo-usuario\""));
    assertThat(form.substring(form.indexOf("id=\"role\""), form.indexOf("</select>")))
        .as("the least privileged role is chosen until the administrator picks another")
        .containsPattern("value=\"COMMITTEE\"\\s+selected")
        .doesNotContainPattern("value=\"ADMIN\"\\s+selected");

    String name = "miembro-" + System.nanoTime();
    var unknown =
        admin.post(
            "/admin/usuarios",
            Map.of(
                "_csrf", csrf(),
                "username", name,
                "password", "clave-larga-de-prueba",
                "role", "COMMITTEE",
                "institution", "NO-EXISTE"));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(user(name)).as("nothing half-made").isNull();

    var created =
        admin.post(
            "/admin/usuarios",
            Map.of(
                "_csrf", csrf(),
                "username", name,
                "password", "clave-larga-de-prueba",
                "role", "COMMITTEE",
                "institution", "PN"));
    assertThat(created.statusCode()).isEqualTo(303);
    FormClient member = FormClient.signedIn(server.getURI(), name, "clave-larga-de-prueba");
    assertThat(member.get("/cuenta").body()).contains(">Policía Nacional<").contains(">Comité<");

    var moved =
        admin.post(
            "/admin/usuarios/" + name + "/institucion",
            Map.of("_csrf", csrf(), "institution", "MUN-LCH", "reason", "cambio de puesto"));
    assertThat(moved.statusCode()).isEqualTo(303);
    assertThat(member.get("/cuenta").body()).contains(">Alcaldía del Distrito de La Chorrera<");
    String audit = admin.get("/admin/auditoria?entity=userInstitution&key=" + name).body();
    assertThat(audit)
        .contains("Institución de una persona")
        .containsPattern("PN</span>\\s*→\\s*<span class=\"new\">MUN-LCH");
  }

  @Test
  void anAdministratorCreatesDisablesAndChangesTheRoleOfAnAccount() {
    String name = "persona-" + System.nanoTime();
    var created =
        admin.post(
            "/admin/usuarios",
            Map.of(
                "_csrf",
                csrf(),
                "username",
                name,
                "password",
                "clave-larga-de-prueba",
                "role",
                "ANALYST"));
    assertThat(created.statusCode()).isEqualTo(303);
    String list = admin.get(created.headers().firstValue("location").orElseThrow()).body();
    assertThat(list).contains("Se creó la cuenta «" + name + "».");
    assertThat(api.login(name, "clave-larga-de-prueba")).isNotBlank();

    var changed =
        admin.post(
            "/admin/usuarios/" + name,
            Map.of(
                "_csrf", csrf(),
                "role", "COMMITTEE",
                "enabled", "false",
                "reason", "dejó el equipo"));

    assertThat(changed.statusCode()).isEqualTo(303);
    assertThat(user(name)).containsEntry("role", "COMMITTEE").containsEntry("enabled", false);
    var login =
        api.call(
            HttpRequest.POST(
                "/login", Map.of("username", name, "password", "clave-larga-de-prueba")),
            Map.class);
    assertThat(login.status()).isEqualTo(401);
  }

  @Test
  void aPasswordResetFollowsThePolicyAndAShortOneChangesNothing() {
    String name = "olvido-" + System.nanoTime();
    api.staffToken(name, "ANALYST");

    var shortOne =
        admin.post(
            "/admin/usuarios/" + name + "/clave",
            Map.of("_csrf", csrf(), "password", "corta", "reason", "la olvidó"));
    var good =
        admin.post(
            "/admin/usuarios/" + name + "/clave",
            Map.of("_csrf", csrf(), "password", "una-clave-nueva-larga", "reason", "la olvidó"));

    assertThat(shortOne.statusCode()).isEqualTo(422);
    assertThat(shortOne.body())
        .contains("Contraseña: debe tener entre 12 y 200 caracteres")
        .doesNotContain("corta");
    assertThat(good.statusCode()).isEqualTo(303);
    assertThat(api.login(name, "una-clave-nueva-larga")).isNotBlank();
  }

  @Test
  void aFormWithoutItsCsrfTokenIsRefusedAndCreatesNobody() {
    String name = "sin-csrf-" + System.nanoTime();
    var refused =
        admin.post(
            "/admin/usuarios",
            Map.of("username", name, "password", "clave-larga-de-prueba", "role", "ADMIN"));
    var forged =
        admin.post(
            "/admin/usuarios",
            Map.of(
                "_csrf", "forjado",
                "username", name,
                "password", "clave-larga-de-prueba",
                "role", "ADMIN"));

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(user(name)).isNull();
  }

  @Test
  void anXssUsernameIsRefusedAndShownBackAsText() {
    String payload = "<img src=x onerror=alert(1)>";
    var refused =
        admin.post(
            "/admin/usuarios",
            Map.of(
                "_csrf",
                csrf(),
                "username",
                payload,
                "password",
                "clave-larga-de-prueba",
                "role",
                "ANALYST"));

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains("Usuario: solo admite letras")
        .contains("&lt;img src=x onerror=alert(1)&gt;")
        .doesNotContain(payload);
  }
}
