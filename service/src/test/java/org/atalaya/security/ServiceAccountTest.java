package org.atalaya.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.atalaya.testsupport.TestDatabaseSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Service accounts and their API tokens over HTTP: issued once, used as a bearer for reads, writes
 * and uploads, refused at once when revoked, expired or when the account is disabled, and stored
 * and audited without the secret.
 */
@MicronautTest(environments = "test")
class ServiceAccountTest {
  @Inject
  @Client("/")
  HttpClient client;

  ServiceAccountFixture fixture;
  Api api;
  String admin;
  String account;

  @BeforeEach
  void serviceAccount() {
    fixture = ServiceAccountFixture.analystServiceAccount(client);
    api = fixture.api;
    admin = fixture.admin;
    account = fixture.account;
  }

  private Api.Reply<Map> issue(String name, int days) {
    return fixture.issue(name, days);
  }

  private static String secret(Api.Reply<Map> issued) {
    return ServiceAccountFixture.secret(issued);
  }

  private static long id(Api.Reply<Map> issued) {
    return ServiceAccountFixture.id(issued);
  }

  private int me(String token) {
    return fixture.me(token);
  }

  private static Connection db() throws SQLException {
    var db = TestDatabaseSession.database();
    return DriverManager.getConnection(db.url, db.username, db.password);
  }

  @Test
  void aTokenIsShownOnceWorksForReadsAndWritesAndStopsAtOnceWhenRevoked() {
    var issued = issue("carga-diaria", 30);
    String secret = secret(issued);
    assertThat(secret).startsWith("atl_").hasSize(47);
    assertThat(issued.raw().header("Cache-Control")).isEqualTo("no-store");

    var me = api.call(HttpRequest.GET("/api/me").bearerAuth(secret), Map.class);
    assertThat(me.value())
        .containsEntry("username", account)
        .containsEntry("roles", List.of("ANALYST"));
    String code = "SVC-" + System.nanoTime();
    var write =
        api.call(
            HttpRequest.POST(
                    "/api/institutions",
                    Map.of("code", code, "name", "Cargada por script", "kind", "NATIONAL"))
                .bearerAuth(secret),
            Map.class);
    assertThat(write.status()).isEqualTo(201);
    var audit =
        api.call(
            HttpRequest.GET("/api/audit?entity=institution&key=" + code).bearerAuth(admin),
            Map.class);
    assertThat(audit.value().toString()).contains("actor=" + account);

    var revoked =
        api.call(
            HttpRequest.DELETE(
                    "/api/service-accounts/"
                        + account
                        + "/tokens/"
                        + id(issued)
                        + "?reason=script%20retirado")
                .bearerAuth(admin),
            Map.class);
    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.value()).containsEntry("state", "REVOKED").doesNotContainKey("secret");
    assertThat(me(secret)).isEqualTo(401);
    var again =
        api.call(
            HttpRequest.DELETE(
                    "/api/service-accounts/" + account + "/tokens/" + id(issued) + "?reason=otra")
                .bearerAuth(admin),
            Map.class);
    assertThat(again.status()).isEqualTo(409);
  }

  @Test
  void aScriptUploadsAFileWithItsTokenAndTheAuditNamesTheServiceAccount() {
    String code = "SVC-VD-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    IndicatorFixtures.create(
        api, api.analystToken(), IndicatorFixtures.domesticViolenceReports(code));
    String secret = secret(issue("carga-csv", 30));
    String file = "carga-" + System.nanoTime() + ".csv";

    var upload =
        api.call(
            HttpRequest.POST(
                    "/api/measurements/upload?file=" + file,
                    "indicador,periodo,valor\n" + code + ",2025-03,7\n" + code + ",2025-04,9\n")
                .contentType("text/csv")
                .bearerAuth(secret),
            Map.class);

    assertThat(upload.status()).as(String.valueOf(upload.problem())).isEqualTo(200);
    var audit =
        api.call(
            HttpRequest.GET("/api/audit?entity=measurement&key=" + file).bearerAuth(admin),
            Map.class);
    assertThat(audit.value().toString()).contains("actor=" + account).contains("inserted=2");
  }

  @Test
  void revokingNeedsAReasonAndChangesNothingWithoutOne() {
    var issued = issue("sin-motivo", 30);
    var refused =
        api.call(
            HttpRequest.DELETE("/api/service-accounts/" + account + "/tokens/" + id(issued))
                .bearerAuth(admin),
            Map.class);
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.error().errors()).anySatisfy(v -> assertThat(v.field()).isEqualTo("reason"));
    assertThat(me(secret(issued))).isEqualTo(200);
  }

  @Test
  void aDisabledAccountsTokensAreRefusedAtOnce() {
    String secret = secret(issue("se-desactiva", 30));
    assertThat(me(secret)).isEqualTo(200);

    var disabled =
        api.call(
            HttpRequest.PUT(
                    "/api/users/" + account,
                    Map.of("role", "ANALYST", "enabled", false, "reason", "proveedor cambió"))
                .bearerAuth(admin),
            Map.class);

    assertThat(disabled.status()).isEqualTo(200);
    assertThat(me(secret)).isEqualTo(401);
  }

  @Test
  void anExpiredTokenIsRefused() throws SQLException {
    var issued = issue("vence", 1);
    String secret = secret(issued);
    assertThat(me(secret)).isEqualTo(200);
    try (var c = db();
        var s =
            c.prepareStatement(
                "UPDATE api_token SET created_at = now() - interval '2 days',"
                    + " expires_at = now() - interval '1 second' WHERE id = ?")) {
      s.setLong(1, id(issued));
      assertThat(s.executeUpdate()).isEqualTo(1);
    }

    assertThat(me(secret)).isEqualTo(401);
    var listed =
        api.call(
            HttpRequest.GET("/api/service-accounts/" + account + "/tokens").bearerAuth(admin),
            List.class);
    assertThat(listed.value().toString()).contains("state=EXPIRED");
  }

  @Test
  void theSecretIsStoredOnlyAsAHashAndAppearsInNoAuditRowOrLaterAnswer() throws SQLException {
    var issued = issue("en-claro-no", 30);
    String secret = secret(issued);
    me(secret);

    try (var c = db();
        var s =
            c.prepareStatement(
                "SELECT secret_sha256, row_to_json(t)::text FROM api_token t WHERE id = ?")) {
      s.setLong(1, id(issued));
      var rs = s.executeQuery();
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo(TokenSecrets.sha256(secret));
      assertThat(rs.getString(2)).doesNotContain(secret).doesNotContain(secret.substring(4));
    }
    try (var c = db();
        var s =
            c.prepareStatement(
                "SELECT count(*) FILTER (WHERE concat(before_json::text, after_json::text, reason)"
                    + " LIKE '%' || ? || '%'), count(*) FROM audit_log"
                    + " WHERE entity = 'apiToken' AND entity_key = ?")) {
      s.setString(1, secret.substring(4));
      s.setString(2, account + "/" + id(issued));
      var rs = s.executeQuery();
      rs.next();
      assertThat(rs.getLong(1)).as("audit rows holding the secret").isZero();
      assertThat(rs.getLong(2)).as("audit rows of the issue").isEqualTo(1);
    }
    String later =
        api.call(HttpRequest.GET("/api/service-accounts").bearerAuth(admin), String.class).value();
    String audit =
        api.call(HttpRequest.GET("/api/audit?entity=apiToken").bearerAuth(admin), String.class)
            .value();
    assertThat(later).contains("en-claro-no").doesNotContain(secret.substring(4));
    assertThat(audit).contains("script de la policía").doesNotContain(secret.substring(4));
  }
}
