package org.atalaya.shared;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;

/** Builds problem+json answers whose title and messages follow the request's language. */
@Singleton
public class ProblemResponses {
  /**
   * The message of a failed sign-in whose account is locked: the login handler passes on only the
   * failure's message, so the lock is told by its text. Security says it; the problem reads it.
   */
  public static final String ACCOUNT_LOCKED = "account-locked";

  private final Messages messages;

  ProblemResponses(Messages messages) {
    this.messages = messages;
  }

  public MutableHttpResponse<Problem> of(
      HttpRequest<?> request, HttpStatus status, String detail, List<Problem.Violation> errors) {
    Locale locale = messages.locale(request);
    var problem =
        new Problem(
            "about:blank",
            messages.get(locale, "status." + status.getCode()),
            status.getCode(),
            detail,
            request == null ? null : request.getPath(),
            errors);
    return HttpResponse.<Problem>status(status).body(problem).contentType(Problem.MEDIA_TYPE);
  }

  public MutableHttpResponse<Problem> of(HttpRequest<?> request, ApiException e) {
    Locale locale = messages.locale(request);
    List<Problem.Violation> errors =
        e.fieldErrors().stream()
            .map(
                f ->
                    new Problem.Violation(
                        f.field(),
                        f.code(),
                        messages.get(locale, "violation." + f.code(), f.args())))
            .toList();
    return of(request, e.status(), messages.get(locale, e.key(), e.args()), errors);
  }

  public Problem.Violation violation(
      HttpRequest<?> request, String field, String code, Object... args) {
    return new Problem.Violation(
        field, code, messages.get(messages.locale(request), "violation." + code, args));
  }

  public String text(HttpRequest<?> request, String key, Object... args) {
    return messages.get(messages.locale(request), key, args);
  }
}
