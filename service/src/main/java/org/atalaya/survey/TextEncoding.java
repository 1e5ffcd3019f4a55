package org.atalaya.survey;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Statistical offices and older Excel versions still save CSV in Latin-1 (Windows-1252): "Colón"
 * arrives as the byte 0xF3, which is not UTF-8. A spooled file is checked whole; if it is not valid
 * UTF-8 it is read as Windows-1252 (a superset of Latin-1's printable characters), re-encoded to
 * UTF-8 as it streams so the shared CSV reader reads it unchanged.
 */
enum TextEncoding {
  UTF_8("UTF-8"),
  WINDOWS_1252("windows-1252");

  private final String label;

  TextEncoding(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  static TextEncoding detect(Path file) throws IOException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.allocate(1 << 16);
    var out = java.nio.CharBuffer.allocate(1 << 16);
    try (InputStream stream = Files.newInputStream(file)) {
      while (true) {
        int n = stream.read(in.array(), in.position(), in.remaining());
        boolean end = n < 0;
        if (!end) {
          in.position(in.position() + n);
        }
        in.flip();
        CoderResult result = decoder.decode(in, out, end);
        if (result.isError()) {
          return WINDOWS_1252;
        }
        out.clear();
        in.compact();
        if (end) {
          return in.position() > 0 ? WINDOWS_1252 : UTF_8;
        }
      }
    }
  }

  /** The file's bytes as UTF-8. */
  InputStream open(Path file) throws IOException {
    InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    return this == UTF_8 ? raw : new Recoded(raw);
  }

  /** Windows-1252 bytes in, UTF-8 bytes out, one character at a time. */
  private static final class Recoded extends InputStream {
    private static final byte[][] UTF8 = table();
    private final InputStream in;
    private byte[] pending = new byte[0];
    private int next;

    Recoded(InputStream in) {
      this.in = in;
    }

    private static byte[][] table() {
      Charset cp1252 = Charset.forName("windows-1252");
      byte[][] table = new byte[256][];
      for (int b = 0; b < 256; b++) {
        String c = new String(new byte[] {(byte) b}, cp1252);
        table[b] = c.getBytes(StandardCharsets.UTF_8);
      }
      return table;
    }

    @Override
    public int read() throws IOException {
      if (next < pending.length) {
        return pending[next++] & 0xFF;
      }
      int b = in.read();
      if (b < 0) {
        return -1;
      }
      pending = UTF8[b];
      next = 1;
      return pending[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int count = 0;
      while (count < length) {
        if (next >= pending.length && count > 0 && in.available() <= 0) {
          break;
        }
        int b = read();
        if (b < 0) {
          return count == 0 ? -1 : count;
        }
        buffer[offset + count++] = (byte) b;
      }
      return count;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
