package org.atalaya.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first administrator comes from configuration ({@code ATALAYA_ADMIN_USERNAME}, {@code
 * ATALAYA_ADMIN_PASSWORD}). There is no default password: in demo mode without one, a random
 * password is generated and printed once to the log.
 */
@Singleton
@Order(10)
class FirstAdmin implements ApplicationEventListener<StartupEvent> {
  private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);
  private static final String BANNER = "=".repeat(72);

  private final UserRepository users;
  private final Passwords passwords;
  private final String username;
  private final String password;
  private final boolean demo;

  FirstAdmin(
      UserRepository users,
      Passwords passwords,
      @Value("${atalaya.admin.username:admin}") String username,
      @Nullable @Value("${atalaya.admin.password:}") String password,
      @Value("${atalaya.demo:false}") boolean demo) {
    this.users = users;
    this.passwords = passwords;
    this.username = username;
    this.password = password;
    this.demo = demo;
  }

  @Override
  public void onApplicationEvent(StartupEvent event) {
    if (users.existsByRole(Role.ADMIN)) {
      return;
    }
    String secret = password;
    if (secret == null || secret.isBlank()) {
      if (!demo) {
        LOG.warn(
            "No administrator exists. Set ATALAYA_ADMIN_USERNAME and ATALAYA_ADMIN_PASSWORD"
                + " (at least {} characters) and restart to create one.",
            Passwords.MIN_LENGTH);
        return;
      }
      secret = randomPassword();
      // A banner, not one line among the migrations': the one moment this password is shown.
      LOG.warn(
          "\n{}\n  Demo mode: administrator '{}', password: {}\n  Change it at /cuenta once"
              + " signed in. Lost it? Stop nothing; run:\n    java -jar"
              + " atalaya-service-0.1.0-SNAPSHOT.jar reset-password {}\n{}",
          BANNER,
          username,
          secret,
          username,
          BANNER);
    } else if (secret.length() < Passwords.MIN_LENGTH) {
      throw new IllegalStateException(
          "ATALAYA_ADMIN_PASSWORD must have at least " + Passwords.MIN_LENGTH + " characters");
    }
    users.save(AppUser.create(username, passwords.hash(secret), Role.ADMIN));
    LOG.info("Created the first administrator '{}'", username);
  }

  static String randomPassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
