package org.atalaya.backup;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

/** The daily backup (02:30 by default) when a backup folder is configured. */
@Singleton
@Requires(property = "atalaya.backup.dir", pattern = ".+")
class ScheduledBackups {
  private final BackupService backups;

  ScheduledBackups(BackupService backups) {
    this.backups = backups;
  }

  @Scheduled(cron = "${atalaya.backup.cron:0 30 2 * * *}")
  void backUp() {
    try {
      backups.backupNow();
    } catch (BackupException e) {
      // Logged as a warning by the service and shown on /health; the next run tries again.
    }
  }
}
