package org.atalaya.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an open export goes, one file after another: a folder (the command line) or a zip (the
 * administrator's download). Every file's SHA-256 is taken as it is written and listed last in
 * {@code SHA256SUMS}, which {@code sha256sum -c SHA256SUMS} checks without Atalaya.
 */
public abstract class ExportSink implements AutoCloseable {
  static final String SUMS = "SHA256SUMS";
  private final Map<String, String> sums = new LinkedHashMap<>();

  /** Starts a file; the stream must be closed before the next one starts. */
  final OutputStream file(String name) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    OutputStream raw = open(name);
    return new FilterOutputStream(new DigestOutputStream(raw, sha)) {
      private boolean closed;

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        if (closed) {
          return; // a serializer may close it before its owner does
        }
        closed = true;
        out.flush();
        closeEntry(raw);
        sums.put(name, HexFormat.of().formatHex(sha.digest()));
      }
    };
  }

  final void file(String name, byte[] content) throws IOException {
    try (OutputStream out = file(name)) {
      out.write(content);
    }
  }

  /** Writes the checksums of every file written so far, then completes the export. */
  final void finish() throws IOException {
    var text = new StringBuilder();
    sums.forEach((name, sum) -> text.append(sum).append("  ").append(name).append('\n'));
    OutputStream out = open(SUMS);
    out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    closeEntry(out);
    complete();
  }

  Map<String, String> sums() {
    return Map.copyOf(sums);
  }

  @Override
  public abstract void close() throws IOException;

  abstract OutputStream open(String name) throws IOException;

  abstract void closeEntry(OutputStream entry) throws IOException;

  /** Called once everything is written: only now does the export become visible as complete. */
  abstract void complete() throws IOException;
}
