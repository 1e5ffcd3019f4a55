package org.atalaya.attack;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * API tokens an attacker can make or get hold of: a well-formed guess, a real token with one
 * character changed, the stored hash (from a copy of the database), a revoked token, a token
 * planted in the session cookie and SQL in the token. Each is refused as "not signed in" and writes
 * nothing, while the real token, sent the same way, works.
 */
@MicronautTest(environments = "test")
class ServiceTokenAttackTest {
  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  String admin;
  String account;
  String secret;
  long id;

  @BeforeEach
  @SuppressWarnings("unchecked")
  void serviceAccountWithAToken() {
    api = new Api(client);
    admin = api.adminToken();
    account = "svc-ataque-" + System.nanoTime();
    api.call(
        HttpRequest.POST("/api/service-accounts", Map.of("username", account, "role", "ANALYST"))
            .bearerAuth(admin),
        Map.class);
    var issued =
        api.call(
                HttpRequest.POST(
                        "/api/service-accounts/" + account + "/tokens", Map.of("name", "real"))
                    .bearerAuth(admin),
                Map.class)
            .value();
    secret = (String) issued.get("secret");
    id = ((Number) ((Map<String, Object>) issued.get("token")).get("id")).longValue();
  }

  private int write(String bearer, String code) {
    return api.call(
            HttpRequest.POST(
                    "/api/institutions",
                    Map.of("code", code, "name", "Intrusa " + code, "kind", "NATIONAL"))
                .bearerAuth(bearer),
            Map.class)
        .status();
  }

  private boolean exists(String code) {
    return api.get("/api/institutions/" + code, Map.class).status() == 200;
  }

  @Test
  void madeUpAlteredHashedAndInjectedTokensAreRefusedAndWriteNothing() throws Exception {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String guessed = "atl_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    char last = secret.charAt(secret.length() - 1);
    String altered = secret.substring(0, secret.length() - 1) + (last == 'A' ? 'B' : 'A');
    String hash =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));

    for (String forged :
        List.of(
            guessed,
            altered,
            hash,
            "atl_" + hash,
            "atl_' OR '1'='1",
            "atl_" + "A".repeat(43) + "' OR 1=1 --")) {
      String code = "ATK-" + System.nanoTime();
      assertThat(write(forged, code)).as(forged).isEqualTo(401);
      assertThat(exists(code)).as(forged).isFalse();
    }
    String control = "ATK-OK-" + System.nanoTime();
    assertThat(write(secret, control)).isEqualTo(201);
    assertThat(exists(control)).isTrue();
  }

  @Test
  void aRevokedTokenWritesNothing() {
    var revoked =
        api.call(
            HttpRequest.DELETE(
                    "/api/service-accounts/" + account + "/tokens/" + id + "?reason=filtrado")
                .bearerAuth(admin),
            Map.class);
    assertThat(revoked.status()).isEqualTo(200);

    String code = "ATK-REV-" + System.nanoTime();
    assertThat(write(secret, code)).isEqualTo(401);
    assertThat(exists(code)).isFalse();
  }

  @Test
  void aTokenPlantedInTheSessionCookieIsNotHonoured() {
    var asCookie =
        api.call(
            HttpRequest.GET("/api/me").cookie(Cookie.of("ATALAYA_SESSION", secret)), Map.class);
    var asBearer = api.call(HttpRequest.GET("/api/me").bearerAuth(secret), Map.class);

    assertThat(asCookie.status()).isEqualTo(401);
    assertThat(asBearer.status()).isEqualTo(200);
  }
}
