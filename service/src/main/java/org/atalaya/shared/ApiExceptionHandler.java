package org.atalaya.shared;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

@Singleton
class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<Problem>> {
  private final ProblemResponses problems;

  ApiExceptionHandler(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, ApiException exception) {
    return problems.of(request, exception);
  }
}
