package org.atalaya.web;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import org.atalaya.shared.Problem;

/**
 * An error page: the status, a sentence for people, and — when the refusal named them — each
 * offending field with its message (an unknown sex or territory in a filter, for instance). Never a
 * stack trace: the texts come from the problem the API would have answered.
 */
public record ErrorView(int status, String title, String detail, List<Problem.Violation> errors) {
  static ErrorView of(int status, @Nullable Problem problem, String fallback) {
    if (problem == null) {
      return new ErrorView(status, fallback, fallback, List.of());
    }
    String detail = problem.detail() == null ? fallback : problem.detail();
    return new ErrorView(status, problem.title(), detail, problem.errors());
  }
}
