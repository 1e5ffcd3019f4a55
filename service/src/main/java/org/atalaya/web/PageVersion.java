package org.atalaya.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.atalaya.shared.DataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The version the public page cache keys on, known without a query on the request's thread (the
 * cache runs on the event loop): the database's {@link DataVersion}, read every second in the
 * background, joined with a count of the writes this service has answered. A write through this
 * service is therefore seen by the very next request; a write made elsewhere (another replica, SQL)
 * within a second.
 */
@Singleton
class PageVersion {
  private static final Logger LOG = LoggerFactory.getLogger(PageVersion.class);

  private final DataVersion database;
  private final AtomicLong writes = new AtomicLong();
  private volatile String polled;

  PageVersion(DataVersion database) {
    this.database = database;
  }

  @Scheduled(initialDelay = "0s", fixedDelay = "${atalaya.pages.version-poll:1s}")
  void poll() {
    try {
      polled = database.current();
    } catch (SQLException | RuntimeException e) {
      LOG.debug("Data version not read: {}", e.getMessage());
    }
  }

  /** Call once a write this service answered has committed. */
  void written() {
    writes.incrementAndGet();
  }

  /** The current version; null until the database has been read once (nothing is kept then). */
  @Nullable
  String current() {
    String db = polled;
    return db == null ? null : db + "/" + writes.get();
  }
}
