package org.atalaya.backup;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.atalaya.database.ScheduledRuns;
import org.atalaya.shared.Dates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daily backup (02:30 by default) when a backup folder is configured, taken by one replica only
 * when several share the database.
 */
@Singleton
@Requires(property = "atalaya.backup.dir", pattern = ".+")
class ScheduledBackups {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduledBackups.class);

  private final BackupService backups;
  private final ScheduledRuns runs;

  ScheduledBackups(BackupService backups, ScheduledRuns runs) {
    this.backups = backups;
    this.runs = runs;
  }

  @Scheduled(cron = "${atalaya.backup.cron:0 30 2 * * *}", zoneId = Dates.ZONE_ID)
  void backUp() {
    try {
      if (!runs.claim("backup", Instant.now())) {
        LOG.info("Scheduled backup left to the replica that claimed it first");
        return;
      }
      backups.backupNow();
    } catch (BackupException e) {
      // Logged as a warning by the service and shown on /health; the next run tries again.
    } catch (IllegalStateException e) {
      LOG.warn("Scheduled backup not taken: {}", e.getMessage());
    }
  }
}
