package org.atalaya.report;

import io.micronaut.http.HttpStatus;
import java.util.List;
import org.atalaya.shared.ApiException;

/** The report's refusals, each a problem+json in the caller's language. */
final class ReportProblems {
  private ReportProblems() {}

  static ApiException period(String text) {
    return new ApiException(
        HttpStatus.BAD_REQUEST,
        "report.problem.period",
        List.of(new ApiException.FieldError("period", "format", "2025, 2025-S1, 2025-T2, 2025-07")),
        String.valueOf(text));
  }

  static ApiException notFound(String plan, String period, int version) {
    return new ApiException(
        HttpStatus.NOT_FOUND, "report.problem.notFound", List.of(), plan, period, version);
  }

  static ApiException fileNotFound(String name) {
    return new ApiException(HttpStatus.NOT_FOUND, "report.problem.fileNotFound", List.of(), name);
  }

  static ApiException fileName(String name) {
    return new ApiException(
        HttpStatus.BAD_REQUEST,
        "report.problem.fileName",
        List.of(new ApiException.FieldError("file", "format", "informe-es.pdf")),
        name);
  }

  static ApiException alreadyPublished(int version) {
    return new ApiException(
        HttpStatus.CONFLICT, "report.problem.alreadyPublished", List.of(), version);
  }

  static ApiException exists(String plan, String period) {
    return new ApiException(HttpStatus.CONFLICT, "report.problem.exists", List.of(), plan, period);
  }

  static ApiException previousDraft(int version) {
    return new ApiException(
        HttpStatus.CONFLICT, "report.problem.previousDraft", List.of(), version);
  }

  static ApiException reason() {
    return new ApiException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        "report.problem.reason",
        List.of(new ApiException.FieldError("reason", "NotBlank")));
  }
}
