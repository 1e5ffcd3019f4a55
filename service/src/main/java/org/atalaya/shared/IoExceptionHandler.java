package org.atalaya.shared;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.List;
import org.atalaya.database.DatabaseWatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A streamed upload that goes past the size limit fails while it is read, as an I/O error: that is
 * the caller's 413, not a server error. Any other I/O failure is logged and answered 500.
 */
@Singleton
class IoExceptionHandler implements ExceptionHandler<IOException, HttpResponse<Problem>> {
  private static final Logger LOG = LoggerFactory.getLogger(IoExceptionHandler.class);
  private final ProblemResponses problems;
  private final DatabaseWatch watch;

  IoExceptionHandler(ProblemResponses problems, DatabaseWatch watch) {
    this.problems = problems;
    this.watch = watch;
  }

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ContentLengthExceededException) {
        return problems.of(
            request,
            HttpStatus.REQUEST_ENTITY_TOO_LARGE,
            problems.text(request, "detail.413"),
            List.of());
      }
    }
    if (DatabaseUnavailable.causedBy(e)) {
      return DatabaseUnavailable.answer(problems, request, watch);
    }
    LOG.error("I/O error on {} {}", request.getMethod(), request.getPath(), e);
    return problems.of(
        request,
        HttpStatus.INTERNAL_SERVER_ERROR,
        problems.text(request, "problem.internal"),
        List.of());
  }
}
