package org.atalaya.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.sql.DataSource;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failed logins from one client address, whatever the usernames, are refused with 429 after the
 * twentieth within ten minutes; another address is not affected, successes do not count, and a
 * forged {@code X-Forwarded-For} changes nothing when no proxy is trusted (the default). The
 * failures live in the shared database, so this test forgets the loopback's before and after.
 */
@MicronautTest(environments = "test")
@Property(name = "atalaya.login-throttle.max-failures", value = "20")
class LoginThrottleTest {
  @Inject
  @Client("/")
  HttpClient client;

  @Inject EmbeddedServer server;

  @Inject DataSource dataSource;

  @BeforeEach
  @AfterEach
  void forgetLoopbackFailures() throws Exception {
    try (var c = dataSource.getConnection();
        var s = c.createStatement()) {
      s.execute("DELETE FROM login_failure WHERE address IN ('127.0.0.1', '0:0:0:0:0:0:0:1')");
    }
  }

  private Api.Reply<Map> failedLogin(Api api, int i, String language) {
    return api.call(
        HttpRequest.POST("/login", Map.of("username", "quien-" + i, "password", "adivinanza-" + i))
            .header("X-Forwarded-For", "198.51.100." + i)
            .header("Accept-Language", language),
        Map.class);
  }

  @Test
  void theTwentyFirstFailureFromOneAddressIs429WhileAnotherAddressStillSignsIn() throws Exception {
    Api api = new Api(client);
    for (int i = 0; i < 25; i++) {
      assertThat(api.adminToken()).as("successful logins do not count").isNotBlank();
    }
    for (int i = 1; i <= 20; i++) {
      assertThat(failedLogin(api, i, "es").status()).as("failure %d", i).isEqualTo(401);
    }

    var refused = failedLogin(api, 21, "es");
    var english = failedLogin(api, 22, "en");
    var rightPassword =
        api.call(
            HttpRequest.POST("/login", Map.of("username", "admin", "password", Api.ADMIN_PASSWORD)),
            Map.class);

    assertThat(refused.status()).isEqualTo(429);
    long retryAfter = Long.parseLong(refused.raw().header("Retry-After"));
    assertThat(retryAfter).isBetween(1L, 600L);
    assertThat(refused.error().detail()).startsWith("Demasiados intentos fallidos");
    assertThat(english.status()).isEqualTo(429);
    assertThat(english.error().detail()).startsWith("Too many failed logins from your address");
    assertThat(rightPassword.status()).as("even the right password waits").isEqualTo(429);

    var form = formLogin();
    assertThat(form.statusCode()).isEqualTo(429);
    assertThat(form.headers().firstValue("Retry-After")).isPresent();
    assertThat(form.body()).contains("Demasiados intentos fallidos").contains("name=\"password\"");

    String other = "127.0.0.2";
    assertThat(statusFrom(other, "nadie-mas", "otra-adivinanza")).isEqualTo(401);
    assertThat(statusFrom(other, "admin", Api.ADMIN_PASSWORD)).isEqualTo(200);
  }

  /** The login form, posted as a browser would, from the throttled address. */
  private HttpResponse<String> formLogin() throws Exception {
    var http = java.net.http.HttpClient.newHttpClient();
    URI base = server.getURI();
    var page =
        http.send(
            java.net.http.HttpRequest.newBuilder(base.resolve("/entrar"))
                .header("Accept", "text/html")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String action =
        page.body().replaceAll("(?s).*action=\"(/login[^\"]*)\".*", "$1").replace("&amp;", "&");
    String seed =
        page.headers().allValues("set-cookie").stream()
            .filter(c -> c.startsWith("ATALAYA_CSRF="))
            .map(c -> c.split(";", 2)[0])
            .findFirst()
            .orElseThrow();
    String body =
        "username=admin&password=" + URLEncoder.encode(Api.ADMIN_PASSWORD, StandardCharsets.UTF_8);
    return http.send(
        java.net.http.HttpRequest.newBuilder(base.resolve(action))
            .header("Accept", "text/html")
            .header("Cookie", seed)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A JSON login sent over a connection from another loopback address; the answer's status. */
  private int statusFrom(String localAddress, String username, String password) throws IOException {
    String json = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(localAddress, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", server.getPort()), 5000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + "Content-Length: "
                  + body.length
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      InputStream in = socket.getInputStream();
      String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      return Integer.parseInt(statusLine.substring(9, 12));
    }
  }
}
