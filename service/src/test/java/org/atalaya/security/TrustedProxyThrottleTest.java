package org.atalaya.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Behind a proxy the operator trusts, the client is the address the proxy reports in {@code
 * X-Forwarded-For}: one client is throttled, another behind the same proxy is not, and a client
 * cannot hide behind an address it writes in the header itself (the proxy appends the real one).
 */
@MicronautTest(environments = "test")
@Property(name = "atalaya.security.trusted-proxies", value = "127.0.0.1,0:0:0:0:0:0:0:1")
@Property(name = "atalaya.login-throttle.max-failures", value = "20")
class TrustedProxyThrottleTest {
  @Inject
  @Client("/")
  HttpClient client;

  @Inject DataSource dataSource;

  /** The failures live in the shared database: an earlier run's must not count. */
  @BeforeEach
  void forgetEarlierRuns() throws Exception {
    try (var c = dataSource.getConnection();
        var s = c.createStatement()) {
      s.execute("DELETE FROM login_failure WHERE address LIKE '203.0.113.%'");
    }
  }

  /** Failures name nobody real: the per-account lockout must not lock the shared admin. */
  private static int login(Api api, String forwardedFor, String username, String password) {
    return api.call(
            HttpRequest.POST("/login", Map.of("username", username, "password", password))
                .header("X-Forwarded-For", forwardedFor),
            Map.class)
        .status();
  }

  @Test
  void theForwardedClientAddressIsThrottledNotTheProxy() {
    Api api = new Api(client);
    for (int i = 0; i < 20; i++) {
      // The attacker writes a fresh address each time; the proxy appends the real one.
      assertThat(login(api, "10.9.9." + i + ", 203.0.113.7", "nadie-" + i, "mala")).isEqualTo(401);
    }

    assertThat(login(api, "203.0.113.7", "admin", Api.ADMIN_PASSWORD)).isEqualTo(429);
    assertThat(login(api, "10.1.1.1, 203.0.113.7", "admin", Api.ADMIN_PASSWORD)).isEqualTo(429);
    assertThat(login(api, "203.0.113.8", "admin", Api.ADMIN_PASSWORD)).isEqualTo(200);
    assertThat(login(api, "no-es-una-ip", "nadie", "mala"))
        .as("unreadable hop: the proxy counts")
        .isEqualTo(401);
  }
}
