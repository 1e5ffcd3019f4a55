package org.atalaya.measurement;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Stops a CSV whose quote never closes before the parser turns the rest of the file into one field
 * in memory. Measurement cells are short, so a quoted run of 64 KiB means a broken file.
 */
final class QuoteGuard extends FilterReader {
  static final int LIMIT = 64 * 1024;
  private boolean quoted;
  private int run;

  static final class RunawayQuote extends IOException {
    RunawayQuote() {
      super("a quoted field runs past " + LIMIT + " characters");
    }
  }

  QuoteGuard(Reader in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      see((char) c);
    }
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    for (int i = offset; i < offset + Math.max(n, 0); i++) {
      see(buffer[i]);
    }
    return n;
  }

  private void see(char c) throws IOException {
    if (c == '"') {
      quoted = !quoted; // an escaped "" toggles twice and changes nothing
      run = 0;
    } else if (quoted && ++run > LIMIT) {
      throw new RunawayQuote();
    }
  }
}
