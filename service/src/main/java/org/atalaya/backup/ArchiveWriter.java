package org.atalaya.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * A {@code .tar.gz} written beside its final name and renamed into place only when complete, so a
 * failed backup (a full disk, a stopped server) never leaves a file that looks like a backup.
 */
final class ArchiveWriter implements AutoCloseable {
  private static final int BUFFER = 1 << 16;

  private final Path target;
  private final Path partial;
  private final TarArchiveOutputStream tar;
  private final Map<String, Manifest.FileSum> sums = new LinkedHashMap<>();
  private boolean committed;

  ArchiveWriter(Path target) throws IOException {
    this.target = target;
    this.partial = target.resolveSibling(target.getFileName() + ".part");
    Files.createDirectories(target.toAbsolutePath().getParent());
    GzipParameters gzip = new GzipParameters();
    // Data files are mostly empty pages: the fastest level compresses them almost as well.
    gzip.setCompressionLevel(Deflater.BEST_SPEED);
    OutputStream out = new BufferedOutputStream(Files.newOutputStream(partial), BUFFER);
    tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out, gzip));
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  void add(String name, byte[] content) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(content.length);
    tar.putArchiveEntry(entry);
    MessageDigest sha = sha256();
    new DigestOutputStream(tar, sha).write(content);
    tar.closeArchiveEntry();
    sums.put(name, new Manifest.FileSum(hex(sha), content.length));
  }

  void addDirectory(String name) throws IOException {
    tar.putArchiveEntry(new TarArchiveEntry(name.endsWith("/") ? name : name + "/"));
    tar.closeArchiveEntry();
  }

  /**
   * Copies a file as long as it was when the copy began: a live data file may grow or shrink
   * meanwhile, and the WAL replayed at restore repairs either (as pg_basebackup does, a shrunk file
   * is padded with zeros). Returns false when the file vanished (a table dropped meanwhile).
   */
  boolean addFile(String name, Path file) throws IOException {
    InputStream in;
    long size;
    try {
      size = Files.size(file);
      in = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      return false;
    }
    try (in) {
      TarArchiveEntry entry = new TarArchiveEntry(name);
      entry.setSize(size);
      tar.putArchiveEntry(entry);
      MessageDigest sha = sha256();
      OutputStream out = new DigestOutputStream(tar, sha);
      byte[] buffer = new byte[BUFFER];
      long left = size;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          break;
        }
        out.write(buffer, 0, n);
        left -= n;
      }
      byte[] zeros = new byte[BUFFER];
      while (left > 0) {
        int n = (int) Math.min(zeros.length, left);
        out.write(zeros, 0, n);
        left -= n;
      }
      tar.closeArchiveEntry();
      sums.put(name, new Manifest.FileSum(hex(sha), size));
      return true;
    }
  }

  Map<String, Manifest.FileSum> sums() {
    return Map.copyOf(sums);
  }

  /** Writes the manifest with every checksum last, closes the archive and puts it in place. */
  void commit(Manifest manifest) throws IOException {
    byte[] json = manifest.withFiles(sums).toJson();
    TarArchiveEntry entry = new TarArchiveEntry(Manifest.TRAILER);
    entry.setSize(json.length);
    tar.putArchiveEntry(entry);
    tar.write(json);
    tar.closeArchiveEntry();
    tar.finish();
    tar.close();
    Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    committed = true;
  }

  @Override
  public void close() throws IOException {
    if (!committed) {
      try {
        tar.close();
      } catch (IOException ignored) {
        // The archive is abandoned; what matters is that its partial file goes.
      }
      Files.deleteIfExists(partial);
    }
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hex(MessageDigest digest) {
    return HexFormat.of().formatHex(digest.digest());
  }
}
