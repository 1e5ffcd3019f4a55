package org.atalaya.attack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.Test;

/**
 * HTTP Basic is no way in: it escaped the login throttle (25 wrong guesses, never a 429), so it is
 * off, and a right password sent that way opens nothing.
 */
@MicronautTest(environments = "test")
class BasicAuthenticationTest {
  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void theAdministratorsRightPasswordOverBasicIsRefused() {
    Api api = new Api(client);
    api.adminToken();

    var basic =
        api.call(
            HttpRequest.GET("/api/users").basicAuth("admin", Api.ADMIN_PASSWORD), String.class);
    var bearer = api.call(HttpRequest.GET("/api/users").bearerAuth(api.adminToken()), String.class);

    assertThat(basic.status()).isEqualTo(401);
    assertThat(bearer.status()).isEqualTo(200);
  }
}
