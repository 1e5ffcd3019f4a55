package org.atalaya.attack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.Test;

/**
 * Cookie tossing: an attacker plants their own CSRF seed cookie in the victim's browser and posts
 * the token that goes with it (made on a page of the attacker's own session). The token is bound to
 * the session it was made for, so the victim is not logged out and their session keeps working.
 */
@MicronautTest(environments = "test")
class CsrfSessionBindingTest {
  private static final Pattern SEED = Pattern.compile("ATALAYA_CSRF=([^;]+)");
  private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Inject
  @Client("/")
  HttpClient client;

  @Inject EmbeddedServer server;

  @Test
  void aPlantedSeedAndItsTokenCannotLogTheVictimOut() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    URI base = server.getURI();
    Api api = new Api(client);
    String attackerSession = api.adminToken();
    HttpResponse<String> attackerPage =
        http.send(
            java.net.http.HttpRequest.newBuilder(base.resolve("/"))
                .header("Accept", "text/html")
                .header("Cookie", "ATALAYA_SESSION=" + attackerSession)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String seed =
        attackerPage.headers().allValues("set-cookie").stream()
            .map(SEED::matcher)
            .filter(java.util.regex.Matcher::find)
            .map(m -> m.group(1))
            .findFirst()
            .orElseThrow();
    var token = TOKEN.matcher(attackerPage.body());
    assertThat(token.find()).isTrue();

    api.analystToken();
    String victimSession = api.login("test-analyst", Api.STAFF_PASSWORD);
    HttpResponse<String> logout =
        http.send(
            java.net.http.HttpRequest.newBuilder(base.resolve("/salir"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "ATALAYA_SESSION=" + victimSession + "; ATALAYA_CSRF=" + seed)
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "_csrf=" + java.net.URLEncoder.encode(token.group(1), "UTF-8")))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(logout.statusCode()).isEqualTo(403);
    assertThat(api.call(HttpRequest.GET("/api/me").bearerAuth(victimSession), Map.class).status())
        .isEqualTo(200);
  }
}
