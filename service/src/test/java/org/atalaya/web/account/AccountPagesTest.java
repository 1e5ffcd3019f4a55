package org.atalaya.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.web.Browser;
import org.junit.jupiter.api.Test;

/** A signed-in person sees their role and institution and changes their own password. */
@MicronautTest(environments = "test")
class AccountPagesTest {
  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void aPersonChangesTheirPasswordAfterTwoRefusalsThatSayWhy() {
    String name = "cuenta-" + Long.toString(System.nanoTime(), 36);
    Api api = new Api(client);
    api.staffToken(name, "COMMITTEE");
    Browser browser = new Browser(server.getURI());
    browser.login(name, Api.STAFF_PASSWORD);

    var page = browser.get("/cuenta");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(">Comité<").contains(">Ninguna<");
    String csrf = Browser.csrf(page.body());

    var wrong =
        browser.post(
            "/cuenta",
            Map.of(
                "_csrf", csrf,
                "current", "not-my-password-at-all",
                "next", "una-clave-nueva-larga",
                "repeated", "una-clave-nueva-larga"));
    assertThat(wrong.statusCode()).isEqualTo(422);
    assertThat(wrong.body())
        .contains("id=\"error-current\"")
        .contains("no es la contraseña actual");

    var mismatch =
        browser.post(
            "/cuenta",
            Map.of(
                "_csrf",
                csrf,
                "current",
                Api.STAFF_PASSWORD,
                "next",
                "una-clave-nueva-larga",
                "repeated",
                "otra-clave-distinta-x"));
    assertThat(mismatch.statusCode()).isEqualTo(422);
    assertThat(mismatch.body()).contains("no coincide con la contraseña nueva");

    var tooShort =
        browser.post(
            "/cuenta",
            Map.of(
                "_csrf",
                csrf,
                "current",
                Api.STAFF_PASSWORD,
                "next",
                "corta",
                "repeated",
                "corta"));
    assertThat(tooShort.body()).contains("id=\"error-next\"").contains("entre 12 y 200");

    var done =
        browser.post(
            "/cuenta",
            Map.of(
                "_csrf",
                csrf,
                "current",
                Api.STAFF_PASSWORD,
                "next",
                "una-clave-nueva-larga",
                "repeated",
                "una-clave-nueva-larga"));
    assertThat(done.statusCode()).isEqualTo(303);
    assertThat(done.headers().firstValue("location")).hasValue("/cuenta?aviso=clave");
    assertThat(browser.get("/cuenta?aviso=clave").body()).contains("Su contraseña se cambió");
    assertThat(api.login(name, "una-clave-nueva-larga")).isNotBlank();
  }
}
