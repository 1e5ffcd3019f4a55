package org.atalaya.database;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import java.io.Closeable;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * When a read replica is configured, the service's datasource hands out the replica's connections
 * to work marked for it ({@link ReadReplica#READ}) and the primary's to everything else. Wraps the
 * pool itself, before Micronaut Data's transaction-aware proxy, so transactions and plain JDBC
 * route alike. Without a replica the datasource is left exactly as it was.
 */
@Singleton
class ReplicaRouting implements BeanCreatedEventListener<DataSource>, Ordered {
  private final ReadReplica replica;

  ReplicaRouting(ReadReplica replica) {
    this.replica = replica;
  }

  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE;
  }

  @Override
  public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
    DataSource primary = event.getBean();
    return replica.configured() ? new Routing(primary, replica) : primary;
  }

  private record Routing(DataSource primary, ReadReplica replica) implements DataSource, Closeable {
    @Override
    public Connection getConnection() throws SQLException {
      return replica.connection(primary);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return primary.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
      return primary.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
      primary.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
      primary.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
      return primary.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      return primary.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      return type.isInstance(this) ? type.cast(this) : primary.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
      return type.isInstance(this) || primary.isWrapperFor(type);
    }

    @Override
    public void close() {
      if (primary instanceof AutoCloseable c) {
        try {
          c.close();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }
  }
}
