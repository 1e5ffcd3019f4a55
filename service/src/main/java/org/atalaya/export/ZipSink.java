package org.atalaya.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * An export as one zip streamed to its reader (the administrator's download). A zip without its
 * central directory, as a failure midway leaves it, is refused by every unzip tool, so a broken
 * download cannot pass for a complete export.
 */
final class ZipSink extends ExportSink {
  private final OutputStream out;
  private final ZipOutputStream zip;
  private boolean completed;

  ZipSink(OutputStream out) {
    this.out = out;
    this.zip = new ZipOutputStream(out, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  OutputStream open(String name) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        zip.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        zip.write(b, off, len);
      }
    };
  }

  @Override
  void closeEntry(OutputStream entry) throws IOException {
    zip.closeEntry();
  }

  @Override
  void complete() throws IOException {
    zip.finish();
    completed = true;
  }

  /**
   * Without {@link #complete()} the zip ends without its directory: unreadable, as it should be.
   */
  @Override
  public void close() throws IOException {
    if (completed) {
      zip.close();
    } else {
      out.close();
    }
  }
}
