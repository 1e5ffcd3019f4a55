package org.atalaya.database;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A prepared statement whose parameters are set by name ({@code :plan}, see {@link NamedSql}); a
 * name used twice in the SQL is set once. Plain JDBC underneath, with the same setters, so a query
 * behaves as it did with {@code ?}. Executing with a name left unset fails before the database is
 * asked, naming it.
 */
public final class NamedStatement implements AutoCloseable {
  /** Reads one row by column name. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  private final PreparedStatement statement;
  private final Map<String, List<Integer>> positions = new LinkedHashMap<>();
  private final Set<String> unset = new HashSet<>();

  private NamedStatement(PreparedStatement statement, NamedSql sql) {
    this.statement = statement;
    for (int i = 0; i < sql.names().size(); i++) {
      positions.computeIfAbsent(sql.names().get(i), k -> new ArrayList<>()).add(i + 1);
    }
    unset.addAll(positions.keySet());
  }

  public static NamedStatement prepare(Connection connection, String sql) throws SQLException {
    NamedSql parsed = NamedSql.parse(sql);
    return new NamedStatement(connection.prepareStatement(parsed.jdbc()), parsed);
  }

  /** Prepared so that {@link #generatedKeys()} returns the named columns of inserted rows. */
  public static NamedStatement prepare(Connection connection, String sql, String... keyColumns)
      throws SQLException {
    NamedSql parsed = NamedSql.parse(sql);
    return new NamedStatement(connection.prepareStatement(parsed.jdbc(), keyColumns), parsed);
  }

  @FunctionalInterface
  private interface Setter {
    void set(int index) throws SQLException;
  }

  private NamedStatement bind(String name, Setter setter) throws SQLException {
    List<Integer> at = positions.get(name);
    if (at == null) {
      throw new IllegalArgumentException(
          "no parameter :" + name + " in the SQL " + positions.keySet());
    }
    for (int index : at) {
      setter.set(index);
    }
    unset.remove(name);
    return this;
  }

  public NamedStatement setLong(String name, long value) throws SQLException {
    return bind(name, i -> statement.setLong(i, value));
  }

  public NamedStatement setInt(String name, int value) throws SQLException {
    return bind(name, i -> statement.setInt(i, value));
  }

  public NamedStatement setBoolean(String name, boolean value) throws SQLException {
    return bind(name, i -> statement.setBoolean(i, value));
  }

  public NamedStatement setDouble(String name, double value) throws SQLException {
    return bind(name, i -> statement.setDouble(i, value));
  }

  public NamedStatement setString(String name, String value) throws SQLException {
    return bind(name, i -> statement.setString(i, value));
  }

  public NamedStatement setBytes(String name, byte[] value) throws SQLException {
    return bind(name, i -> statement.setBytes(i, value));
  }

  public NamedStatement setBigDecimal(String name, BigDecimal value) throws SQLException {
    return bind(name, i -> statement.setBigDecimal(i, value));
  }

  /** A date, or SQL null when {@code value} is null. */
  public NamedStatement setDate(String name, LocalDate value) throws SQLException {
    return bind(
        name,
        i -> {
          if (value == null) {
            statement.setNull(i, Types.DATE);
          } else {
            statement.setDate(i, Date.valueOf(value));
          }
        });
  }

  /** A timestamp, or SQL null when {@code value} is null. */
  public NamedStatement setTimestamp(String name, Instant value) throws SQLException {
    return bind(
        name,
        i -> {
          if (value == null) {
            statement.setNull(i, Types.TIMESTAMP);
          } else {
            statement.setTimestamp(i, Timestamp.from(value));
          }
        });
  }

  public NamedStatement setObject(String name, Object value) throws SQLException {
    return bind(name, i -> statement.setObject(i, value));
  }

  public NamedStatement setObject(String name, Object value, int sqlType) throws SQLException {
    return bind(name, i -> statement.setObject(i, value, sqlType));
  }

  public NamedStatement setNull(String name, int sqlType) throws SQLException {
    return bind(name, i -> statement.setNull(i, sqlType));
  }

  /** A SQL array of {@code elementType} (e.g. {@code text}, {@code bigint}). */
  public NamedStatement setArray(String name, String elementType, Object[] values)
      throws SQLException {
    return bind(
        name,
        i -> statement.setArray(i, statement.getConnection().createArrayOf(elementType, values)));
  }

  private PreparedStatement ready() {
    if (!unset.isEmpty()) {
      throw new IllegalStateException("parameters left unset: :" + String.join(", :", unset));
    }
    return statement;
  }

  public ResultSet executeQuery() throws SQLException {
    return ready().executeQuery();
  }

  public int executeUpdate() throws SQLException {
    return ready().executeUpdate();
  }

  public boolean execute() throws SQLException {
    return ready().execute();
  }

  public void addBatch() throws SQLException {
    ready().addBatch();
  }

  public int[] executeBatch() throws SQLException {
    return statement.executeBatch();
  }

  public ResultSet generatedKeys() throws SQLException {
    return statement.getGeneratedKeys();
  }

  /** Every row, read by {@code mapper}. */
  public <T> List<T> list(RowMapper<T> mapper) throws SQLException {
    List<T> out = new ArrayList<>();
    try (ResultSet rs = executeQuery()) {
      while (rs.next()) {
        out.add(mapper.map(rs));
      }
    }
    return out;
  }

  /** The first row, if any. */
  public <T> Optional<T> first(RowMapper<T> mapper) throws SQLException {
    try (ResultSet rs = executeQuery()) {
      return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
    }
  }

  /** Whether the query returns a row. */
  public boolean exists() throws SQLException {
    try (ResultSet rs = executeQuery()) {
      return rs.next();
    }
  }

  /** The underlying statement, for what this class does not wrap (fetch size, timeouts). */
  public Statement jdbc() {
    return statement;
  }

  @Override
  public void close() throws SQLException {
    statement.close();
  }
}
