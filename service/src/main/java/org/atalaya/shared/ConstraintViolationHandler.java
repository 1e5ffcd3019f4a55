package org.atalaya.shared;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.util.Comparator;
import java.util.Map;

/** Bean-validation failures become 422 problems that name each field in the body's terms. */
@Singleton
@Replaces(ConstraintExceptionHandler.class)
public class ConstraintViolationHandler
    implements ExceptionHandler<ConstraintViolationException, HttpResponse<Problem>> {
  private final ProblemResponses problems;

  ConstraintViolationHandler(ProblemResponses problems) {
    this.problems = problems;
  }

  /** The violations in the caller's language, as the API names them: pages show the same words. */
  public java.util.List<Problem.Violation> violations(
      HttpRequest<?> request, ConstraintViolationException e) {
    return e.getConstraintViolations().stream()
        .map(v -> toViolation(request, v))
        .sorted(Comparator.comparing(Problem.Violation::field))
        .toList();
  }

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, ConstraintViolationException e) {
    var errors = violations(request, e);
    return problems.of(
        request,
        HttpStatus.UNPROCESSABLE_ENTITY,
        problems.text(request, "problem.invalid"),
        errors);
  }

  private Problem.Violation toViolation(HttpRequest<?> request, ConstraintViolation<?> v) {
    String code = v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    Map<String, Object> attributes = v.getConstraintDescriptor().getAttributes();
    String field = fieldPath(v.getPropertyPath());
    return switch (code) {
      case "Digits" ->
          problems.violation(
              request, field, code, attributes.get("integer"), attributes.get("fraction"));
      case "Pattern" ->
          problems.violation(
              request, field, Codes.CURRENCY.equals(attributes.get("regexp")) ? "currency" : code);
      default ->
          problems.violation(
              request,
              field,
              code,
              attributes.getOrDefault("min", attributes.getOrDefault("value", "")),
              attributes.getOrDefault("max", ""));
    };
  }

  /**
   * "create.card.axes[0].actionCards[1].code" as the body names it. A node's index says where the
   * bean holding it sits in its list, so it belongs after the previous name.
   */
  static String fieldPath(Path path) {
    var field = new StringBuilder();
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER) {
        continue;
      }
      if (node.isInIterable() && node.getIndex() != null && !field.isEmpty()) {
        field.append('[').append(node.getIndex()).append(']');
      }
      if (node.getKind() == ElementKind.CONTAINER_ELEMENT
          || node.getName() == null
          || node.getName().isEmpty()) {
        continue;
      }
      if (!field.isEmpty()) {
        field.append('.');
      }
      field.append(node.getName());
    }
    return field.isEmpty() ? "body" : field.toString();
  }
}
