package org.atalaya.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;
import org.atalaya.database.ReadReplica;
import org.atalaya.shared.DataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The version the public page cache keys on, known without a query on the request's thread (the
 * cache runs on the event loop): the data version of the server the public's pages are computed on
 * (the read replica while it is in use, else the primary; see {@link ReadReplica#poll}), read every
 * second in the background, joined with a count of the writes this service has answered. A write
 * through this service is therefore seen by the very next request; a write made elsewhere (another
 * replica, SQL) within a second — on a read replica, within a second of its replay. A page is
 * computed on the server its version was read from (or on the primary, newer), so it is never kept
 * under a version newer than its data.
 */
@Singleton
class PageVersion {
  private static final Logger LOG = LoggerFactory.getLogger(PageVersion.class);

  /** The source a request was routed by, so its page is kept under that source's version. */
  static final String SOURCE = "atalaya.replica.source";

  private final ReadReplica replica;
  private final DataVersion database;
  private final AtomicLong writes = new AtomicLong();

  PageVersion(ReadReplica replica, DataVersion database) {
    this.replica = replica;
    this.database = database;
  }

  @Scheduled(initialDelay = "0s", fixedDelay = "${atalaya.pages.version-poll:1s}")
  void poll() {
    try {
      replica.poll(database::current);
    } catch (Exception e) {
      LOG.debug("Data version not read: {}", e.getMessage());
    }
  }

  /** Call once a write this service answered has committed. */
  void written() {
    writes.incrementAndGet();
  }

  /** Where the public's pages are computed now; null until the database has been read once. */
  @Nullable
  ReadReplica.Source source() {
    return replica.source();
  }

  /** The current version; null until the database has been read once (nothing is kept then). */
  @Nullable
  String current() {
    return key(replica.source());
  }

  /** The version for this request: that of the source it was routed by, if it was. */
  @Nullable
  String current(HttpRequest<?> request) {
    return key(request.getAttribute(SOURCE, ReadReplica.Source.class).orElse(replica.source()));
  }

  @Nullable
  private String key(@Nullable ReadReplica.Source source) {
    return source == null ? null : source.key() + "/" + writes.get();
  }
}
