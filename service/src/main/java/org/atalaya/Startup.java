package org.atalaya;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import org.atalaya.database.EmbeddedDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Micronaut's start, except that a start that fails (a bad dashboard file, say) stops the embedded
 * PostgreSQL it had already started. Micronaut then exits without closing the context, and the
 * server would stay behind holding the data directory and its port.
 */
final class Startup extends Micronaut {
  private static final Logger LOG = LoggerFactory.getLogger(Startup.class);
  private ApplicationContext context;

  @Override
  protected ApplicationContext newApplicationContext() {
    context = super.newApplicationContext();
    return context;
  }

  @Override
  protected void handleStartupException(Environment environment, Throwable exception) {
    stopDatabase();
    closeContext();
    super.handleStartupException(environment, exception);
  }

  /** The rest of what started (the connection pool, schedulers), where the JVM goes on. */
  private void closeContext() {
    try {
      if (context != null) {
        context.close();
      }
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("Closing the context after the failed start: {}", e.toString());
    }
  }

  private void stopDatabase() {
    if (context == null) {
      return;
    }
    for (var started : context.getActiveBeanRegistrations(EmbeddedDatabase.class)) {
      try {
        started.bean().stop();
      } catch (Exception | LinkageError e) {
        LOG.error("Could not stop the embedded PostgreSQL after the failed start", e);
      }
    }
  }
}
