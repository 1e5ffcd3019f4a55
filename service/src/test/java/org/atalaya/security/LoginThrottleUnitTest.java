package org.atalaya.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The throttle's clock and memory, without a server. */
class LoginThrottleUnitTest {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  @Test
  void anAddressMayTryAgainWhenItsOldestFailureLeavesTheWindow() {
    var throttle = new LoginThrottle(3, Duration.ofMinutes(10), 100);
    throttle.failed("192.0.2.1", T0);
    throttle.failed("192.0.2.1", T0.plusSeconds(60));
    assertThat(throttle.retryAfter("192.0.2.1", T0.plusSeconds(61))).isEmpty();
    throttle.failed("192.0.2.1", T0.plusSeconds(120));

    assertThat(throttle.retryAfter("192.0.2.1", T0.plusSeconds(121)))
        .contains(Duration.ofSeconds(479));
    assertThat(throttle.retryAfter("192.0.2.2", T0.plusSeconds(121))).isEmpty();
    assertThat(throttle.retryAfter("192.0.2.1", T0.plusSeconds(600))).isEmpty();
  }

  @Test
  void theTableKeepsAtMostItsCapDroppingTheLeastRecentlySeen() {
    var throttle = new LoginThrottle(2, Duration.ofMinutes(10), 3);
    throttle.failed("a", T0);
    throttle.failed("a", T0);
    throttle.failed("b", T0);
    throttle.failed("c", T0);
    assertThat(throttle.retryAfter("a", T0)).isPresent(); // "a" is now the most recently seen
    throttle.failed("d", T0);

    assertThat(throttle.addresses()).isEqualTo(3);
    assertThat(throttle.retryAfter("a", T0)).as("blocked address kept").isPresent();
  }
}
