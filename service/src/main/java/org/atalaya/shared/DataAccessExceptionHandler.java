package org.atalaya.shared;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.List;
import org.atalaya.database.DatabaseWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Constraint violations the database caught (two requests racing for one code, a row still in use)
 * are the caller's conflict, not a server error; a database that is down is a 503 to retry.
 * Anything else is logged and answered 500.
 */
@Singleton
class DataAccessExceptionHandler
    implements ExceptionHandler<DataAccessException, HttpResponse<Problem>> {
  private static final Logger LOG = LoggerFactory.getLogger(DataAccessExceptionHandler.class);
  private final ProblemResponses problems;
  private final DatabaseWatch watch;

  DataAccessExceptionHandler(ProblemResponses problems, DatabaseWatch watch) {
    this.problems = problems;
    this.watch = watch;
  }

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, DataAccessException e) {
    if (DatabaseUnavailable.causedBy(e)) {
      LOG.warn(
          "Database unavailable on {} {}: {}",
          request.getMethod(),
          request.getPath(),
          e.toString());
      return DatabaseUnavailable.answer(problems, request, watch);
    }
    String state = sqlState(e);
    if ("23505".equals(state)) {
      return problems.of(
          request, HttpStatus.CONFLICT, problems.text(request, "problem.duplicate"), List.of());
    }
    if ("23503".equals(state)) {
      return problems.of(
          request, HttpStatus.CONFLICT, problems.text(request, "problem.inUse"), List.of());
    }
    if (state != null && state.startsWith("22")) {
      // A value the database cannot hold (too long, too large, out of range): the caller's to fix.
      return problems.of(
          request,
          HttpStatus.UNPROCESSABLE_ENTITY,
          problems.text(request, "problem.outOfRange"),
          List.of());
    }
    LOG.error("Database error on {} {}", request.getMethod(), request.getPath(), e);
    return problems.of(
        request,
        HttpStatus.INTERNAL_SERVER_ERROR,
        problems.text(request, "problem.internal"),
        List.of());
  }

  static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return null;
  }
}
