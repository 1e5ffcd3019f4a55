package org.atalaya.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atalaya.testsupport.Api;
import org.atalaya.web.entry.FormClient;
import org.junit.jupiter.api.Test;

/**
 * Service accounts from the users page: the secret of a new token is shown once, on its own page
 * that is not cached, and never again; revoking with a reason ends it at once; a token's name is
 * printed as text.
 */
@MicronautTest(environments = "test")
class ServiceAccountPagesTest {
  private static final Pattern SECRET =
      Pattern.compile("id=\"secreto\"[^>]*value=\"(atl_[^\"]+)\"");
  private static final Pattern REVOKE =
      Pattern.compile("action=\"(/admin/cuentas-servicio/[^\"]+/revocar)\"");

  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void aTokenIsIssuedShownOnceAndRevokedWithAReason() {
    Api api = new Api(client);
    FormClient admin = FormClient.signedIn(server.getURI(), "admin", Api.ADMIN_PASSWORD);
    String account = "svc-pagina-" + System.nanoTime();
    String csrf = FormClient.csrf(admin.get("/admin/usuarios").body());

    var created =
        admin.post(
            "/admin/cuentas-servicio",
            Map.of("_csrf", csrf, "username", account, "role", "ANALYST", "reason", "cargas"));
    assertThat(created.statusCode()).isEqualTo(303);

    var issued =
        admin.post(
            "/admin/cuentas-servicio/" + account + "/tokens",
            Map.of(
                "_csrf", csrf,
                "name", "<script>alert('t')</script>",
                "days", "30",
                "reason", "script nocturno"));
    assertThat(issued.statusCode()).isEqualTo(201);
    assertThat(issued.headers().firstValue("cache-control")).contains("no-store");
    assertThat(issued.body()).contains("no se volverá a mostrar");
    Matcher secret = SECRET.matcher(issued.body());
    assertThat(secret.find()).as(issued.body()).isTrue();
    String token = secret.group(1);
    assertThat(api.call(HttpRequest.GET("/api/me").bearerAuth(token), Map.class).status())
        .isEqualTo(200);

    String page = admin.get("/admin/usuarios").body();
    assertThat(page)
        .contains(account)
        .contains("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;")
        .doesNotContain("<script>alert")
        .doesNotContain(token.substring(4));

    Matcher revoke = REVOKE.matcher(page.substring(page.indexOf(account)));
    assertThat(revoke.find()).isTrue();
    var noReason = admin.post(revoke.group(1), Map.of("_csrf", csrf, "reason", " "));
    assertThat(noReason.statusCode()).isEqualTo(422);
    assertThat(api.call(HttpRequest.GET("/api/me").bearerAuth(token), Map.class).status())
        .isEqualTo(200);

    var revoked = admin.post(revoke.group(1), Map.of("_csrf", csrf, "reason", "ya no se usa"));
    assertThat(revoked.statusCode()).isEqualTo(303);
    assertThat(api.call(HttpRequest.GET("/api/me").bearerAuth(token), Map.class).status())
        .isEqualTo(401);
    assertThat(admin.get("/admin/usuarios").body()).contains("Revocado").contains("ya no se usa");
  }

  @Test
  void aServiceAccountCannotBeMadeAnAdministratorFromThePage() {
    FormClient admin = FormClient.signedIn(server.getURI(), "admin", Api.ADMIN_PASSWORD);
    String csrf = FormClient.csrf(admin.get("/admin/usuarios").body());

    var refused =
        admin.post(
            "/admin/cuentas-servicio",
            Map.of("_csrf", csrf, "username", "svc-admin-" + System.nanoTime(), "role", "ADMIN"));

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("una cuenta de servicio no puede ser administradora");
  }
}
