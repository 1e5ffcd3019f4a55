package org.atalaya.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.inject.Singleton;

/** Argon2id hashes (OWASP's minimum parameters: 19 MiB, 2 passes, 1 lane). */
@Singleton
public class Passwords {
  public static final int MIN_LENGTH = 12;
  private static final Argon2Function ARGON2 =
      Argon2Function.getInstance(19456, 2, 1, 32, Argon2.ID, 19);

  public String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(ARGON2).getResult();
  }

  public boolean matches(String password, String hash) {
    return Password.check(password, hash).with(ARGON2);
  }
}
