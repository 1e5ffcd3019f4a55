package org.atalaya.shared;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An upload the server could not keep on disk: 503 in words for the sender, the cause logged. */
@Singleton
class StorageUnavailableHandler
    implements ExceptionHandler<UploadSpool.StorageUnavailable, HttpResponse<Problem>> {
  private static final Logger LOG = LoggerFactory.getLogger(StorageUnavailableHandler.class);
  private final ProblemResponses problems;

  StorageUnavailableHandler(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, UploadSpool.StorageUnavailable e) {
    LOG.error("{} {}: {}", request.getMethod(), request.getPath(), e.getMessage());
    return problems.of(
        request,
        HttpStatus.SERVICE_UNAVAILABLE,
        problems.text(request, "problem.storage"),
        List.of());
  }
}
