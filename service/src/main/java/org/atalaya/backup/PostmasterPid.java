package org.atalaya.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The lock file a running PostgreSQL keeps in its data directory: its process and its port. The
 * command line finds the service's embedded server through it, whatever port it picked.
 */
public record PostmasterPid(long pid, int port) {
  public static Optional<PostmasterPid> read(Path dataDirectory) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    if (lines.size() < 4) {
      return Optional.empty();
    }
    return Optional.of(
        new PostmasterPid(
            Long.parseLong(lines.get(0).trim()), Integer.parseInt(lines.get(3).trim())));
  }

  public boolean alive() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
