package org.atalaya.security;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed logins per client address: after {@code max-failures} within {@code window} the address is
 * refused until the oldest of them leaves the window, whichever usernames it tried — guessing one
 * password for many accounts gets as far as guessing many for one. Successful logins neither count
 * nor wipe the record (an attacker with one account of their own must not reset it). The table
 * holds at most {@code max-addresses} addresses, the least recently seen dropped first, so a flood
 * of addresses cannot exhaust memory. Each replica keeps its own table.
 */
@Singleton
public class LoginThrottle {
  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  private final int maxFailures;
  private final Duration window;
  private final Map<String, Deque<Instant>> failures;

  LoginThrottle(
      @Value("${atalaya.login-throttle.max-failures:20}") int maxFailures,
      @Value("${atalaya.login-throttle.window:10m}") Duration window,
      @Value("${atalaya.login-throttle.max-addresses:10000}") int maxAddresses) {
    this.maxFailures = maxFailures;
    this.window = window;
    this.failures =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > maxAddresses;
          }
        };
  }

  /** How long the address must wait before trying again, or empty when it may try now. */
  public synchronized Optional<Duration> retryAfter(String address, Instant now) {
    Deque<Instant> times = failures.get(address);
    if (times == null) {
      return Optional.empty();
    }
    prune(times, now);
    if (times.isEmpty()) {
      failures.remove(address);
      return Optional.empty();
    }
    if (times.size() < maxFailures) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, times.peekFirst().plus(window)));
  }

  /** Counts a failed login from the address; logs when the address starts being refused. */
  public synchronized void failed(String address, Instant now) {
    Deque<Instant> times = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
    prune(times, now);
    times.addLast(now);
    while (times.size() > maxFailures) {
      times.removeFirst();
    }
    if (times.size() == maxFailures) {
      LOG.warn(
          "Login refused for client address {} for up to {} s: {} failed logins within {} s",
          address,
          Duration.between(now, times.peekFirst().plus(window)).toSeconds(),
          maxFailures,
          window.toSeconds());
    }
  }

  synchronized int addresses() {
    return failures.size();
  }

  private void prune(Deque<Instant> times, Instant now) {
    Instant oldest = now.minus(window);
    while (!times.isEmpty() && !times.peekFirst().isAfter(oldest)) {
      times.removeFirst();
    }
  }
}
