package org.atalaya.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names of backup archives: the time they were taken (UTC), sortable as text. */
final class Backups {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private static final Pattern NAME = Pattern.compile("atalaya-(\\d{8}-\\d{6})\\.tar\\.gz");

  private Backups() {}

  static String archiveName(Instant at) {
    return "atalaya-" + STAMP.format(at) + ".tar.gz";
  }

  /** When an archive of this folder's naming was taken; empty for any other file. */
  static Optional<Instant> takenAt(Path archive) {
    Matcher m = NAME.matcher(archive.getFileName().toString());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(STAMP.parse(m.group(1), Instant::from));
  }

  static String atalayaVersion() {
    String version = Backups.class.getPackage().getImplementationVersion();
    return version == null ? "0.1.0-SNAPSHOT" : version;
  }

  /** Whether a failure is a full disk (Linux's ENOSPC, Windows' ERROR_DISK_FULL), at any depth. */
  static boolean diskFull(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (t instanceof java.io.IOException
          && m != null
          && (m.contains("No space left on device")
              || m.contains("not enough space on the disk"))) {
        return true;
      }
    }
    return false;
  }
}
