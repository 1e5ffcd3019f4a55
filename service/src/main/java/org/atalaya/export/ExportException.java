package org.atalaya.export;

import java.util.Locale;
import org.atalaya.shared.Messages;

/** An export that could not be done, with a message for the person who asked. */
public class ExportException extends RuntimeException {
  private final String key;
  private final transient Object[] args;

  ExportException(String key, Object... args) {
    super(Messages.format(Locale.ENGLISH, key, args));
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
