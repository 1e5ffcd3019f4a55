package org.atalaya.attack;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens an attacker can make: signed with a guessed key, unsigned ({@code alg: none}), expired, or
 * a real token whose role was edited. Each is refused as "not signed in", and a control token made
 * the same way with the right key and a future expiry shows that nothing else refused them.
 */
@MicronautTest(environments = "test")
class JwtAttackTest {
  @Inject
  @Client("/")
  HttpClient client;

  @Value("${micronaut.security.token.jwt.signatures.secret.generator.secret}")
  String secret;

  Api api;

  @BeforeEach
  void analystExists() {
    api = new Api(client);
    api.analystToken();
  }

  private static JWTClaimsSet claims(String subject, String role, Instant issued, Instant expires) {
    return new JWTClaimsSet.Builder()
        .subject(subject)
        .claim("roles", List.of(role))
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(issued))
        .notBeforeTime(Date.from(issued))
        .expirationTime(Date.from(expires))
        .build();
  }

  private static String signed(String key, JWTClaimsSet claims) throws Exception {
    var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  private int status(String uri, String token) {
    return api.call(HttpRequest.GET(uri).bearerAuth(token), Map.class).status();
  }

  private JWTClaimsSet analystNow() {
    Instant now = Instant.now();
    return claims("test-analyst", "ANALYST", now.minusSeconds(5), now.plus(1, ChronoUnit.HOURS));
  }

  @Test
  void aTokenMadeWithTheRightKeyIsAcceptedSoTheRefusalsBelowAreReal() throws Exception {
    assertThat(status("/api/me", signed(secret, analystNow()))).isEqualTo(200);
  }

  @Test
  void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
    String forged = signed("a-guessed-key-that-is-long-enough-0123456789", analystNow());

    assertThat(status("/api/me", forged)).isEqualTo(401);
  }

  @Test
  void anUnsignedAlgNoneTokenIsRefusedEvenClaimingAdmin() {
    Instant now = Instant.now();
    String none =
        new PlainJWT(claims("admin", "ADMIN", now.minusSeconds(5), now.plus(1, ChronoUnit.HOURS)))
            .serialize();

    assertThat(status("/api/me", none)).isEqualTo(401);
    assertThat(status("/api/users", none)).isEqualTo(401);
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    Instant past = Instant.now().minus(2, ChronoUnit.HOURS);
    String expired = signed(secret, claims("test-analyst", "ANALYST", past, past.plusSeconds(60)));

    assertThat(status("/api/me", expired)).isEqualTo(401);
  }

  @Test
  void aRealTokenWithItsRoleEditedToAdminIsRefused() {
    String real = api.analystToken();
    String[] parts = real.split("\\.");
    String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String promoted = payload.replace("\"ANALYST\"", "\"ADMIN\"");
    assertThat(promoted).isNotEqualTo(payload);
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(promoted.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    assertThat(status("/api/users", tampered)).isEqualTo(401);
    assertThat(status("/api/users", real)).isEqualTo(403);
  }

  @Test
  void aValidlySignedTokenForAnAccountThatDoesNotExistIsRefused() throws Exception {
    Instant now = Instant.now();
    String ghost =
        signed(secret, claims("nobody-here", "ADMIN", now.minusSeconds(5), now.plusSeconds(600)));

    assertThat(status("/api/users", ghost)).isEqualTo(401);
  }
}
