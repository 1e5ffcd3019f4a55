package org.atalaya.backup;

import java.util.Locale;
import org.atalaya.shared.Messages;

/**
 * A backup or restore that could not be done, with a message key for the person who asked: the
 * command line prints it in Spanish, the administrator's page in the reader's language.
 */
public class BackupException extends RuntimeException {
  private final String key;
  private final transient Object[] args;

  BackupException(String key, Object... args) {
    this(null, key, args);
  }

  BackupException(Throwable cause, String key, Object... args) {
    super(Messages.format(Locale.ENGLISH, key, args), cause);
    this.key = key;
    this.args = args;
  }

  public String key() {
    return key;
  }

  public String message(Locale locale) {
    return Messages.format(locale, key, args);
  }
}
