package org.atalaya.measurement;

import java.io.IOException;
import java.util.List;

/**
 * The rows of an uploaded table as text, whatever the file format, pushed one at a time so that
 * memory stays flat however long the file is. Row numbers are the file's own (the header is 1).
 */
public interface RowSource {
  void read(RowConsumer consumer) throws IOException;

  interface RowConsumer {
    void header(List<String> cells);

    void row(long number, List<String> cells);
  }
}
