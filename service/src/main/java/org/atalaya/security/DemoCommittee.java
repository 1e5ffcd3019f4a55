package org.atalaya.security;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demonstration's committee member, so that a newcomer can validate figures on {@code
 * /revision}: validating is the committee's (or another institution's analyst's), never the
 * administrator's, and nobody validates figures they recorded. Created once, in demo mode only,
 * with the password of {@code ATALAYA_DEMO_COMMITTEE_PASSWORD} or a random one printed once to the
 * log, as the administrator's.
 */
@Singleton
@Order(11)
@Requires(property = "atalaya.demo", value = "true")
class DemoCommittee implements ApplicationEventListener<StartupEvent> {
  static final String USERNAME = "comite";
  private static final Logger LOG = LoggerFactory.getLogger(DemoCommittee.class);
  private static final String BANNER = "=".repeat(72);

  private final UserRepository users;
  private final Passwords passwords;
  private final String password;

  DemoCommittee(
      UserRepository users,
      Passwords passwords,
      @Nullable @Value("${atalaya.demo-committee.password:}") String password) {
    this.users = users;
    this.passwords = passwords;
    this.password = password;
  }

  @Override
  public void onApplicationEvent(StartupEvent event) {
    if (users.findByUsername(USERNAME).isPresent()) {
      return;
    }
    String secret = password;
    if (secret == null || secret.isBlank()) {
      secret = FirstAdmin.randomPassword();
      LOG.warn(
          "\n{}\n  Demo mode: committee member '{}', password: {}\n  Signs in to validate the"
              + " figures at /revision (the administrator does not validate).\n{}",
          BANNER,
          USERNAME,
          secret,
          BANNER);
    } else if (secret.length() < Passwords.MIN_LENGTH) {
      throw new IllegalStateException(
          "ATALAYA_DEMO_COMMITTEE_PASSWORD must have at least "
              + Passwords.MIN_LENGTH
              + " characters");
    }
    users.save(AppUser.create(USERNAME, passwords.hash(secret), Role.COMMITTEE));
    LOG.info("Created the demo committee member '{}'", USERNAME);
  }
}
