package org.atalaya.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The throttle's clock, on the database's table, without HTTP. */
@MicronautTest(environments = "test", startApplication = false)
class LoginThrottleUnitTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  @Inject DataSource dataSource;

  @BeforeEach
  void forgetEarlierRuns() throws Exception {
    try (var c = dataSource.getConnection();
        var s = c.createStatement()) {
      s.execute("DELETE FROM login_failure WHERE address LIKE '192.0.2.%'");
    }
  }

  @Test
  void anAddressMayTryAgainWhenItsOldestFailureLeavesTheWindow() {
    var throttle = new LoginThrottle(dataSource, 3, Duration.ofMinutes(10));
    String address = "192.0.2." + (System.nanoTime() % 200 + 1);
    throttle.failed(address, T0);
    throttle.failed(address, T0.plusSeconds(60));
    assertThat(throttle.retryAfter(address, T0.plusSeconds(61))).isEmpty();
    throttle.failed(address, T0.plusSeconds(120));

    assertThat(throttle.retryAfter(address, T0.plusSeconds(121))).contains(Duration.ofSeconds(479));
    assertThat(throttle.retryAfter("198.51.100.250", T0.plusSeconds(121))).isEmpty();
    assertThat(throttle.retryAfter(address, T0.plusSeconds(600))).isEmpty();
  }

  @Test
  void failuresOlderThanTheWindowAreDeletedAsNewOnesArrive() throws Exception {
    var throttle = new LoginThrottle(dataSource, 3, Duration.ofMinutes(10));
    Instant long_ago = T0.minus(Duration.ofDays(30));
    throttle.failed("192.0.2.251", long_ago);
    throttle.failed("192.0.2.252", long_ago.plusSeconds(1));
    assertThat(rows("192.0.2.251")).isEqualTo(1);

    throttle.failed("192.0.2.253", long_ago.plus(Duration.ofMinutes(11)));

    assertThat(rows("192.0.2.251")).isZero();
    assertThat(rows("192.0.2.252")).isZero();
    assertThat(rows("192.0.2.253")).isEqualTo(1);
  }

  private int rows(String address) throws Exception {
    try (var c = dataSource.getConnection();
        var s = c.prepareStatement("SELECT count(*) FROM login_failure WHERE address = ?")) {
      s.setString(1, address);
      try (var rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
