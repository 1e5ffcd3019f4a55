package org.atalaya.shared;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import org.atalaya.database.DatabaseWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failures no more specific handler claims. A database that is down or restarting surfaces here
 * wrapped in many ways (the pool's timeout inside a transaction error, a lost connection inside an
 * upload's error, a token check that could not read its table): those are 503 with a time to retry;
 * the rest is logged and answered 500, never with the internal message.
 */
@Singleton
class UnexpectedExceptionHandler implements ExceptionHandler<Exception, HttpResponse<Problem>> {
  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionHandler.class);
  private final ProblemResponses problems;
  private final DatabaseWatch watch;

  UnexpectedExceptionHandler(ProblemResponses problems, DatabaseWatch watch) {
    this.problems = problems;
    this.watch = watch;
  }

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, Exception e) {
    if (DatabaseUnavailable.causedBy(e)) {
      LOG.warn(
          "Database unavailable on {} {}: {}",
          request.getMethod(),
          request.getPath(),
          e.toString());
      return DatabaseUnavailable.answer(problems, request, watch);
    }
    LOG.error("Unexpected error on {} {}", request.getMethod(), request.getPath(), e);
    return problems.of(
        request,
        HttpStatus.INTERNAL_SERVER_ERROR,
        problems.text(request, "problem.internal"),
        List.of());
  }
}
