package org.atalaya.shared;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.security.authentication.AuthenticationException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every error the framework produces (unknown route, wrong method, unreadable JSON, missing body,
 * denied access) leaves as problem+json in the caller's language, never with a stack trace or an
 * internal message.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {
  private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("Unknown property \\[([^]]+)]");
  private static final Pattern PROPERTY =
      Pattern.compile("Error decoding property \\[[^]]*?(\\w+)] of type");
  private static final Pattern ENUM =
      Pattern.compile("Expected one of \\[([^]]*)] but was '([^']*)'");

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ProblemErrorResponseProcessor.class);
  private final ProblemResponses problems;

  ProblemErrorResponseProcessor(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  public MutableHttpResponse<Problem> processResponse(
      ErrorContext context, MutableHttpResponse<?> base) {
    var request = context.getRequest();
    HttpStatus status = base.getStatus();
    List<Problem.Violation> errors = new ArrayList<>();
    String detail;
    Throwable cause = context.getRootCause().orElse(null);
    if (cause instanceof AuthenticationException auth) {
      boolean locked = ProblemResponses.ACCOUNT_LOCKED.equals(auth.getMessage());
      detail = problems.text(request, locked ? "problem.locked" : "problem.credentials");
    } else if (status.getCode() >= 500) {
      detail = problems.text(request, "problem.internal");
    } else if (cause instanceof ConversionErrorException conversion) {
      String field = conversion.getArgument().getName();
      String message = String.valueOf(conversion.getConversionError().getCause().getMessage());
      LOG.debug("Unreadable request body: {}", message);
      Matcher unknown = UNKNOWN_PROPERTY.matcher(message);
      Matcher property = PROPERTY.matcher(message);
      Matcher choice = ENUM.matcher(message);
      if (unknown.find()) {
        errors.add(problems.violation(request, unknown.group(1), "unknownField"));
      } else if (choice.find()) {
        errors.add(
            problems.violation(request, field, "enumValue", choice.group(2), choice.group(1)));
      } else if (property.find()) {
        errors.add(problems.violation(request, property.group(1), "unreadable"));
      } else {
        errors.add(problems.violation(request, field, "unreadable"));
      }
      detail = problems.text(request, "problem.unreadable");
    } else {
      detail = problems.text(request, "detail." + status.getCode());
      context.getErrors().stream()
          .filter(e -> e.getPath().isPresent())
          .forEach(e -> errors.add(problems.violation(request, e.getPath().get(), "unreadable")));
    }
    return problems.of(request, status, detail, errors);
  }
}
