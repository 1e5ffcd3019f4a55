package org.atalaya.shared;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Set;
import org.atalaya.database.DatabaseWatch;

/**
 * Tells a database that is down or restarting from a request that went wrong: the first is answered
 * 503 with a time to come back, since the pool reconnects on its own once the server is back; the
 * second stays the caller's 4xx or our 500.
 */
public final class DatabaseUnavailable {
  /** Operator intervention: the server is shutting down, crashed, or still starting. */
  private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

  private static final String CLOSED = "Connection is closed";

  private DatabaseUnavailable() {}

  /** Whether this failure, or anything that caused it, says the database cannot be reached. */
  public static boolean causedBy(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException) {
        return true; // the pool waited its connection timeout without getting a connection
      }
      if (t instanceof SQLException sql && lostConnection(sql)) {
        return true;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (causedBy(suppressed)) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static boolean lostConnection(SQLException e) {
    String state = e.getSQLState();
    if (state != null) {
      return state.startsWith("08") || SHUTDOWN_STATES.contains(state);
    }
    // The pool's stand-in for a connection it has just evicted as broken: the failure that broke
    // it came first, this is what the clean-up of the transaction then runs into.
    return CLOSED.equals(e.getMessage());
  }

  /** 503, with as long a wait as the watch thinks honest (a restart takes a few seconds). */
  static HttpResponse<Problem> answer(
      ProblemResponses problems, HttpRequest<?> request, DatabaseWatch watch) {
    watch.unreachable();
    int seconds = watch.retryAfterSeconds();
    return problems
        .of(
            request,
            HttpStatus.SERVICE_UNAVAILABLE,
            problems.text(request, "problem.unavailable", seconds),
            List.of())
        .header("Retry-After", Integer.toString(seconds));
  }
}
