package org.atalaya.bench;

import java.io.PrintStream;
import java.util.Locale;

/** What every benchmark's {@code main} shares: one output stream, and never a failed exit. */
final class Bench {

  static final PrintStream OUT = System.out;

  /** A benchmark's body; whatever it throws is printed, not raised. */
  interface Body {
    void run() throws Exception;
  }

  private Bench() {}

  /** Runs the body, prints what it threw, and exits 0 whatever happened. */
  static void run(Body body) {
    Locale.setDefault(Locale.ROOT); // "1.23", not "1,23", whatever the machine's locale
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    try {
      body.run();
    } catch (Throwable e) {
      OUT.println("BENCH ERROR (reported, not failed): " + e);
      e.printStackTrace(OUT);
    }
    OUT.flush();
    // A benchmark, never a gate: whatever happened above has been printed.
    System.exit(0);
  }
}
