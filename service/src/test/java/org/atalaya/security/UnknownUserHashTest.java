package org.atalaya.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A login with a name nobody has costs one Argon2 check like a real one: the stored stand-in hash
 * has the same parameters as every hash the service writes, and no password matches it by chance.
 */
class UnknownUserHashTest {
  private final Passwords passwords = new Passwords();

  @Test
  void theStandInHashHasTheParametersOfARealOneAndMatchesNoTypedPassword() {
    String real = passwords.hash("una-contraseña-cualquiera");
    String params = real.substring(0, real.lastIndexOf('$', real.lastIndexOf('$') - 1));
    String standIn = DatabaseAuthenticationProvider.UNKNOWN_USER_HASH;

    assertThat(standIn).startsWith(params + "$");
    assertThat(standIn.length()).isEqualTo(real.length());
    assertThat(passwords.matches("una-contraseña-cualquiera", standIn)).isFalse();
  }
}
