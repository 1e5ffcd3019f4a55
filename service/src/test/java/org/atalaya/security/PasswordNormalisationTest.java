package org.atalaya.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A password is the characters a person typed, however the keyboard composed them. */
class PasswordNormalisationTest {
  static final String COMPOSED = "contraseña-del-año";
  static final String DECOMPOSED = "contrasen\u0303a-del-an\u0303o";

  private final Passwords passwords = new Passwords();

  @Test
  void aPasswordTypedDecomposedMatchesTheComposedOneAndTheOtherWayRound() {
    assertThat(DECOMPOSED).isNotEqualTo(COMPOSED);

    assertThat(passwords.matches(DECOMPOSED, passwords.hash(COMPOSED))).isTrue();
    assertThat(passwords.matches(COMPOSED, passwords.hash(DECOMPOSED))).isTrue();
    assertThat(passwords.matches("contrasena-del-ano", passwords.hash(COMPOSED))).isFalse();
  }
}
