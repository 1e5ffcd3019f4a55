package org.atalaya.shared;

import io.micronaut.http.HttpStatus;
import java.util.List;

/**
 * A request the service refuses for a reason the caller can fix. It carries message keys, not text,
 * so the answer is written in the caller's language.
 */
public class ApiException extends RuntimeException {
  private final HttpStatus status;
  private final String key;
  private final transient Object[] args;
  private final transient List<FieldError> fieldErrors;

  /** A field that broke a rule: {@code code} names the rule and picks the message. */
  public record FieldError(String field, String code, Object... args) {}

  public ApiException(HttpStatus status, String key, List<FieldError> fieldErrors, Object... args) {
    super(key);
    this.status = status;
    this.key = key;
    this.args = args;
    this.fieldErrors = List.copyOf(fieldErrors);
  }

  /** {@code entity} is a message key under {@code entity.}, e.g. "territory". */
  public static ApiException notFound(String entity, String code) {
    return new ApiException(
        HttpStatus.NOT_FOUND,
        "problem.notFound",
        List.of(),
        new Messages.Key("entity." + entity),
        code);
  }

  public static ApiException conflict(String field, String code, Object... args) {
    return new ApiException(
        HttpStatus.CONFLICT, "problem.conflict", List.of(new FieldError(field, code, args)));
  }

  public static ApiException invalid(List<FieldError> errors) {
    return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "problem.invalid", errors);
  }

  public static ApiException invalid(String field, String code, Object... args) {
    return invalid(List.of(new FieldError(field, code, args)));
  }

  public HttpStatus status() {
    return status;
  }

  public String key() {
    return key;
  }

  public Object[] args() {
    return args;
  }

  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }
}
