package org.atalaya.security;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import jakarta.inject.Singleton;
import java.text.Normalizer;

/**
 * Argon2id hashes (OWASP's minimum parameters: 19 MiB, 2 passes, 1 lane) of the password in Unicode
 * NFC (NIST SP 800-63B, 5.1.1.2): "contraseña" typed as n + combining tilde (a Mac, some phones)
 * and as ñ is the same password. A hash stored before normalisation from a decomposed password
 * still matches the same keystrokes.
 */
@Singleton
public class Passwords {
  public static final int MIN_LENGTH = 12;
  private static final Argon2Function ARGON2 =
      Argon2Function.getInstance(19456, 2, 1, 32, Argon2.ID, 19);

  public String hash(String password) {
    return Password.hash(nfc(password)).addRandomSalt(16).with(ARGON2).getResult();
  }

  public boolean matches(String password, String hash) {
    String composed = nfc(password);
    return Password.check(composed, hash).with(ARGON2)
        || !composed.equals(password) && Password.check(password, hash).with(ARGON2);
  }

  static String nfc(String password) {
    return Normalizer.normalize(password, Normalizer.Form.NFC);
  }
}
