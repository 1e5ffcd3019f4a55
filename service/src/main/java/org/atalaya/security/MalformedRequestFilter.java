package org.atalaya.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atalaya.shared.Problem;
import org.atalaya.shared.ProblemResponses;

/**
 * Refuses, before any route runs, what no route can answer: a NUL byte in the path ({@code %00}) or
 * in a query parameter (PostgreSQL cannot store or compare one), and a date parameter outside the
 * years 1–9999 ({@code asOf=+999999999-12-31}), which Java reads but no period, chart or query can
 * use. A 400 that says what was wrong in words — never a 500 from deep inside.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class MalformedRequestFilter implements Ordered {
  /** An ISO date whose year has a sign or more than four digits, or is 0000. */
  private static final Pattern ISO_DATE = Pattern.compile("([+-]?\\d{4,})-\\d{2}-\\d{2}.*");

  private final ProblemResponses problems;

  MalformedRequestFilter(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.after();
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> check(HttpRequest<?> request) {
    String raw = request.getUri().getRawPath();
    if (raw.toLowerCase(java.util.Locale.ROOT).contains("%00")
        || request.getPath().indexOf('\0') >= 0) {
      return refuse(request, List.of(problems.violation(request, "path", "nulInPath")));
    }
    List<Problem.Violation> errors = new ArrayList<>();
    for (Map.Entry<String, List<String>> p : request.getParameters().asMap().entrySet()) {
      for (String value : p.getValue()) {
        if (value.indexOf('\0') >= 0) {
          errors.add(problems.violation(request, p.getKey(), "nulInParameter", p.getKey()));
        } else if (outOfRange(value)) {
          errors.add(
              problems.violation(request, p.getKey(), "dateOutOfRange", p.getKey(), prefix(value)));
        }
      }
    }
    return errors.isEmpty() ? null : refuse(request, errors);
  }

  static boolean outOfRange(String value) {
    Matcher m = ISO_DATE.matcher(value.strip());
    if (!m.matches()) {
      return false;
    }
    String year = m.group(1);
    if (year.startsWith("+") || year.startsWith("-") || year.length() > 4) {
      return true;
    }
    return Integer.parseInt(year) < 1;
  }

  private static String prefix(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "…";
  }

  private HttpResponse<?> refuse(HttpRequest<?> request, List<Problem.Violation> errors) {
    return problems.of(
        request,
        HttpStatus.BAD_REQUEST,
        problems.text(request, "problem.malformedRequest"),
        errors);
  }
}
