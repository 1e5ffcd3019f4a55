package org.atalaya.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.atalaya.shared.CsvWriter;

/**
 * A query's rows streamed into a CSV file through the shared {@link CsvWriter}: a server-side
 * cursor ({@code fetchSize}) inside the export's transaction, so a table of millions of rows never
 * sits in memory. Numbers are written plainly ({@code 12.5}, never {@code 1.25E+1}), times as
 * ISO-8601 in UTC, dates as {@code YYYY-MM-DD}.
 */
final class Rows {
  static final int FETCH = 2_000;

  private Rows() {}

  /** Writes the header then one record per row; returns the number of rows. */
  static long csv(
      Connection c, OutputStream file, List<String> header, String sql, Object... params)
      throws SQLException, IOException {
    Writer text = new OutputStreamWriter(file, StandardCharsets.UTF_8);
    long rows = 0;
    CsvWriter csv = new CsvWriter(text);
    csv.row(header);
    try (PreparedStatement s = query(c, sql, params);
        ResultSet r = s.executeQuery()) {
      int columns = r.getMetaData().getColumnCount();
      List<Object> record = new ArrayList<>(columns);
      while (r.next()) {
        record.clear();
        for (int i = 1; i <= columns; i++) {
          record.add(cell(r, i));
        }
        csv.row(record);
        rows++;
      }
    }
    text.flush();
    return rows;
  }

  static PreparedStatement query(Connection c, String sql, Object... params) throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    s.setFetchSize(FETCH);
    for (int i = 0; i < params.length; i++) {
      s.setObject(i + 1, params[i]);
    }
    return s;
  }

  static String cell(ResultSet r, int column) throws SQLException {
    int type = r.getMetaData().getColumnType(column);
    if (type == Types.NUMERIC || type == Types.DECIMAL) {
      return plain(r.getBigDecimal(column));
    }
    if ("timestamptz".equals(r.getMetaData().getColumnTypeName(column))) {
      OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
      return t == null ? null : t.toInstant().toString();
    }
    return r.getString(column);
  }

  static String plain(BigDecimal value) {
    if (value == null) {
      return null;
    }
    return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
  }
}
