package org.atalaya.backup;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * When the last good backup was taken, and a warning when the daily one was missed. A missed backup
 * does not take the service down: it says so, here and in the log. No folder path, since /health is
 * public.
 */
@Singleton
class BackupHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {
  /** A day and a little: the daily backup plus the time it takes. */
  static final Duration EXPECTED_EVERY = Duration.ofHours(26);

  private final BackupService backups;

  BackupHealthIndicator(BackupService backups) {
    this.backups = backups;
  }

  @Inject
  @Override
  public void setExecutorService(@Named(TaskExecutors.BLOCKING) ExecutorService executorService) {
    super.setExecutorService(executorService);
  }

  @Override
  protected String getName() {
    return "backup";
  }

  @Override
  protected Map<String, Object> getHealthInformation() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("scheduled", backups.configured());
    backups.lastGood().map(Instant::toString).ifPresent(t -> details.put("lastGood", t));
    backups.warning(EXPECTED_EVERY).ifPresent(w -> details.put("warning", w));
    healthStatus = HealthStatus.UP;
    return details;
  }
}
