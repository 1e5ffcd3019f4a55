package org.atalaya.web;

import io.micronaut.core.io.Writable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.atalaya.security.ClientAddress;
import org.atalaya.shared.Problem;
import org.atalaya.shared.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outermost filter, so that it sees every answer, the framework's own refusals included: adds
 * the security headers, hands a new CSRF seed to the browser, and turns an error meant for a person
 * (a browser asking for HTML outside {@code /api}) into a readable page — or, when it is "sign in
 * first", into a redirect to the login page. API callers keep problem+json.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class PeopleFilter implements Ordered {
  /** Scripts, styles and images from this site only; no inline script, no framing. */
  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /** Swagger UI's page starts itself with an inline script; it gets that and nothing more. */
  static final String SWAGGER_CSP =
      "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; object-src 'none'; frame-ancestors 'none'";

  /**
   * A report file in HTML is a finished document, self-contained so that it reads the same when
   * downloaded: its styles and chart drawings are inline. It gets a policy of its own that lets
   * those styles apply and nothing else — no script at all, no request to anywhere (images only
   * from data:, so a style cannot leak anything), sandboxed, not framable. The site's policy is
   * unchanged.
   */
  static final String REPORT_DOCUMENT_CSP =
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none';"
          + " form-action 'none'; frame-ancestors 'none'; sandbox";

  /** Refusals worth an administrator's eye: who knocked, where, from which address. */
  static final String REFUSALS = "atalaya.security.refusals";

  private static final Logger REFUSED = LoggerFactory.getLogger(REFUSALS);
  private static final Logger LOG = LoggerFactory.getLogger(PeopleFilter.class);
  private static final Set<Integer> LOGGED = Set.of(401, 403, 413, 429);

  private final Pages pages;
  private final ClientAddress addresses;
  private final ProblemResponses problems;

  PeopleFilter(Pages pages, ClientAddress addresses, ProblemResponses problems) {
    this.pages = pages;
    this.addresses = addresses;
    this.problems = problems;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.order();
  }

  @ResponseFilter
  MutableHttpResponse<?> polish(HttpRequest<?> request, MutableHttpResponse<?> original) {
    MutableHttpResponse<?> response = rendered(request, original);
    logRefusal(request, response.getStatus().getCode());
    MutableHttpResponse<?> out =
        response.getStatus().getCode() >= 400 && forPeople(request, response)
            ? errorPage(request, response)
            : response;
    request
        .getAttribute(Csrf.NEW_SEED, String.class)
        .ifPresent(seed -> out.cookie(Csrf.cookie(seed)));
    out.header("Content-Security-Policy", policy(request, out));
    out.header("X-Content-Type-Options", "nosniff");
    out.header("Referrer-Policy", "same-origin");
    out.header("X-Frame-Options", "DENY");
    return out;
  }

  /**
   * A page the views module left to be written later, written now: a template that fails while it
   * is written to the connection leaves the browser waiting for ever. Written here, its failure is
   * logged and answered as any unexpected error, 500 with the error page.
   */
  private MutableHttpResponse<?> rendered(HttpRequest<?> request, MutableHttpResponse<?> response) {
    boolean html =
        response.getContentType().map(t -> t.matches(MediaType.TEXT_HTML_TYPE)).orElse(false);
    // Pages only: a file written as it streams (an export, a PDF) stays as it is.
    if (!html || !(response.body() instanceof Writable writable)) {
      return response;
    }
    StringWriter out = new StringWriter();
    try {
      writable.writeTo(out);
    } catch (Exception | LinkageError e) {
      LOG.error("Page failed to render on {} {}", request.getMethod(), request.getPath(), e);
      return problems.of(
          request,
          HttpStatus.INTERNAL_SERVER_ERROR,
          problems.text(request, "problem.internal"),
          List.of());
    }
    return response.body(out.toString());
  }

  /**
   * One line per refused request (unauthenticated, forbidden, too large, throttled): status,
   * method, path without its query (which may carry a token), the client's address and the account
   * when one was signed in. Never a header, cookie or body.
   */
  private void logRefusal(HttpRequest<?> request, int status) {
    if (!LOGGED.contains(status) || !REFUSED.isWarnEnabled()) {
      return;
    }
    String user =
        request
            .getUserPrincipal()
            .map(java.security.Principal::getName)
            .map(name -> " as " + name)
            .orElse("");
    REFUSED.warn(
        "Refused {} {} {} from {}{}",
        status,
        request.getMethodName(),
        request.getPath(),
        addresses.of(request),
        user);
  }

  private static String policy(HttpRequest<?> request, HttpResponse<?> response) {
    String path = request.getPath();
    if (path.startsWith("/swagger-ui")) {
      return SWAGGER_CSP;
    }
    boolean html =
        response.getContentType().map(t -> t.matches(MediaType.TEXT_HTML_TYPE)).orElse(false);
    boolean reportFile = path.startsWith("/api/reports/") && path.endsWith(".html");
    return html && reportFile && response.getStatus().getCode() == 200 ? REPORT_DOCUMENT_CSP : CSP;
  }

  private static boolean forPeople(HttpRequest<?> request, HttpResponse<?> response) {
    String path = request.getPath();
    if (path.startsWith("/api/") || path.equals("/api")) {
      return false;
    }
    boolean html = request.accept().stream().anyMatch(t -> t.matches(MediaType.TEXT_HTML_TYPE));
    boolean alreadyHtml =
        response.getContentType().map(t -> t.matches(MediaType.TEXT_HTML_TYPE)).orElse(false);
    return html && !alreadyHtml;
  }

  private MutableHttpResponse<?> errorPage(
      HttpRequest<?> request, MutableHttpResponse<?> response) {
    int status = response.getStatus().getCode();
    if (status == 401 && request.getMethod() == io.micronaut.http.HttpMethod.GET) {
      String back = pages.layout(request).path();
      return HttpResponse.seeOther(
          URI.create(
              "/entrar?volver="
                  + java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8)));
    }
    Problem problem = response.getBody(Problem.class).orElse(null);
    var body =
        ErrorView.of(status, problem, pages.text(request, "web.error.detail." + bucket(status)));
    MutableHttpResponse<?> page;
    try {
      page = pages.render(response.getStatus(), "error", request, body);
    } catch (RuntimeException e) {
      // The error page itself failed: a plain answer rather than none.
      LOG.error("Error page failed to render on {} {}", request.getMethod(), request.getPath(), e);
      return HttpResponse.status(response.getStatus())
          .contentType(MediaType.TEXT_PLAIN_TYPE)
          .body(body.status() + " " + body.title());
    }
    response
        .getHeaders()
        .getAll(HttpHeaders.SET_COOKIE)
        .forEach(c -> page.getHeaders().add(HttpHeaders.SET_COOKIE, c));
    return page;
  }

  private static int bucket(int status) {
    return switch (status) {
      case 400, 401, 403, 404, 413 -> status;
      default -> status >= 500 ? 500 : 400;
    };
  }
}
