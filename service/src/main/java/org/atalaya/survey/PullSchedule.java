package org.atalaya.survey;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls, on a schedule, every survey server that names a wave to refresh. Off unless {@code
 * atalaya.survey.pull.scheduled=true}; every {@code atalaya.survey.pull.interval} (6 h by default).
 * Each outcome is kept beside the server's configuration; a failure waits for the next run.
 */
@Singleton
@Requires(property = "atalaya.survey.pull.scheduled", value = "true")
class PullSchedule {
  private static final Logger LOG = LoggerFactory.getLogger(PullSchedule.class);

  private final ServerStore store;
  private final ServerPull pulls;

  PullSchedule(ServerStore store, ServerPull pulls) {
    this.store = store;
    this.pulls = pulls;
  }

  @Scheduled(
      initialDelay = "${atalaya.survey.pull.initial-delay:5m}",
      fixedDelay = "${atalaya.survey.pull.interval:6h}")
  void pullAll() {
    try {
      for (ServerStore.Scheduled server : store.scheduled()) {
        String code = server.survey();
        try {
          pulls.pull(code, server.wave(), false, Messages.DEFAULT);
        } catch (ApiException refused) {
          LOG.warn("Scheduled pull of survey {} refused: {}", code, refused.fieldErrors());
        } catch (RuntimeException | java.io.IOException e) {
          LOG.warn("Scheduled pull of survey {} failed", code, e);
        }
      }
    } catch (SQLException e) {
      LOG.warn("Scheduled survey pulls could not list their servers", e);
    }
  }
}
