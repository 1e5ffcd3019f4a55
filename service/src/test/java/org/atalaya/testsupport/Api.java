package org.atalaya.testsupport;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atalaya.shared.Problem;

/** Real HTTP against the running service, with named users for each role. */
public final class Api {
  public static final String ADMIN_PASSWORD = "test-admin-password-1";
  public static final String STAFF_PASSWORD = "test-staff-password-1";

  private final BlockingHttpClient http;

  public Api(HttpClient client) {
    this.http = client.toBlocking();
  }

  public String adminToken() {
    return login("admin", ADMIN_PASSWORD);
  }

  public String analystToken() {
    return staffToken("test-analyst", "ANALYST");
  }

  public String committeeToken() {
    return staffToken("test-committee", "COMMITTEE");
  }

  /** Creates the user if the shared test database does not have it yet, then logs in. */
  public String staffToken(String username, String role) {
    call(
        HttpRequest.POST(
                "/api/users",
                Map.of("username", username, "password", STAFF_PASSWORD, "role", role))
            .bearerAuth(adminToken()),
        Map.class);
    return login(username, STAFF_PASSWORD);
  }

  public String login(String username, String password) {
    var response =
        http.exchange(
            HttpRequest.POST("/login", Map.of("username", username, "password", password)),
            Map.class);
    return (String) response.body().get("access_token");
  }

  /** Sends the request and returns the response whatever its status. */
  public <T> Reply<T> call(MutableHttpRequest<?> request, Class<T> type) {
    try {
      @SuppressWarnings("unchecked")
      Argument<T> body =
          type == List.class ? (Argument<T>) Argument.listOf(Map.class) : Argument.of(type);
      HttpResponse<T> response = http.exchange(request, body, Argument.of(Problem.class));
      return new Reply<>(
          response.getStatus().getCode(), response.getBody(), Optional.empty(), response);
    } catch (HttpClientResponseException e) {
      Optional<Problem> problem = e.getResponse().getBody(Problem.class);
      // Some refusals carry a report rather than a problem (an upload's row-by-row answer).
      Optional<T> body = problem.isPresent() ? Optional.empty() : e.getResponse().getBody(type);
      return new Reply<>(e.getStatus().getCode(), body, problem, e.getResponse());
    }
  }

  /**
   * Sends a write and, when it only became part of a published plan's proposal (202: an indicator
   * or target of the demo plan), has the committee approve that proposal, so that the write is in
   * force as the test needs. The reply is the write's, or the approved change's with status 200.
   */
  @SuppressWarnings("rawtypes")
  public Reply<Map> inForce(MutableHttpRequest<?> request) {
    Reply<Map> reply = call(request, Map.class);
    if (reply.status() != 202) {
      return reply;
    }
    Map change = reply.value();
    Reply<Map> approved =
        call(
            HttpRequest.POST(
                    "/api/plans/"
                        + change.get("plan")
                        + "/changes/"
                        + change.get("id")
                        + "/approve",
                    Map.of())
                .bearerAuth(committeeToken()),
            Map.class);
    if (approved.status() != 200) {
      throw new AssertionError(
          "proposal not approved: " + approved.status() + " " + approved.problem());
    }
    return approved;
  }

  public <T> Reply<T> get(String uri, Class<T> type) {
    return call(HttpRequest.GET(uri), type);
  }

  public record Reply<T>(
      int status, Optional<T> body, Optional<Problem> problem, HttpResponse<?> raw) {
    public T value() {
      return body.orElseThrow(
          () -> new AssertionError("no body; status " + status + " " + problem));
    }

    public Problem error() {
      return problem.orElseThrow(() -> new AssertionError("no problem body; status " + status));
    }

    public String contentType() {
      return raw.getContentType().map(Object::toString).orElse("");
    }
  }
}
