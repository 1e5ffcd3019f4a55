package org.atalaya.survey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;

/**
 * One pull's HTTP calls, bounded: each request has a timeout, failures that may pass (no answer, a
 * timeout, HTTP 5xx or 429) are retried a few times with a short pause, and the whole pull has a
 * deadline and a page budget. Redirects are not followed (a credential goes to the configured
 * server only), and a "next page" on another site is refused.
 */
final class ServerClient {
  private final URI base;
  private final PullSettings settings;
  private final HttpClient http;
  private final Instant deadline;
  private int pages;

  ServerClient(String baseUrl, PullSettings settings) {
    this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    this.settings = settings;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.deadline = Instant.now().plus(settings.maxTime());
  }

  URI resolve(String path) {
    return base.resolve(path);
  }

  int pages() {
    return pages;
  }

  /** A page of data: counted against the page budget. */
  JsonNode page(URI uri, String authorization) {
    if (!sameServer(uri)) {
      throw new PullFailure("foreignNext", uri.getHost());
    }
    if (++pages > settings.maxPages()) {
      throw new PullFailure("tooManyPages", settings.maxPages());
    }
    return send(HttpRequest.newBuilder(uri).GET(), authorization);
  }

  JsonNode send(HttpRequest.Builder request, String authorization) {
    request.header("Accept", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    for (int attempt = 1; ; attempt++) {
      Duration left = Duration.between(Instant.now(), deadline);
      if (left.isNegative() || left.isZero()) {
        throw new PullFailure("tooLong", settings.maxTime().toSeconds());
      }
      HttpRequest built =
          request
              .timeout(left.compareTo(settings.timeout()) < 0 ? left : settings.timeout())
              .build();
      String host = built.uri().getHost() + portOf(built.uri());
      try {
        HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status == 401 || status == 403) {
          throw new PullFailure("unauthorized", host, status);
        }
        if ((status >= 500 || status == 429) && attempt < settings.attempts()) {
          pause(attempt);
          continue;
        }
        if (status != 200 && status != 201) {
          throw new PullFailure("status", host, status, built.uri().getPath());
        }
        try {
          return new ObjectMapper().readTree(response.body());
        } catch (IOException e) {
          throw new PullFailure("notJson", host, built.uri().getPath());
        }
      } catch (HttpTimeoutException e) {
        if (attempt >= settings.attempts()) {
          throw new PullFailure("timeout", host, settings.timeout().toSeconds(), attempt);
        }
      } catch (IOException e) {
        if (attempt >= settings.attempts()) {
          throw new PullFailure(e instanceof ConnectException ? "down" : "broken", host, attempt);
        }
        pause(attempt);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PullFailure("tooLong", settings.maxTime().toSeconds());
      }
    }
  }

  private boolean sameServer(URI uri) {
    return base.getScheme().equalsIgnoreCase(uri.getScheme())
        && base.getHost().equalsIgnoreCase(uri.getHost())
        && base.getPort() == uri.getPort();
  }

  private static String portOf(URI uri) {
    return uri.getPort() < 0 ? "" : ":" + uri.getPort();
  }

  private void pause(int attempt) {
    try {
      Thread.sleep(Math.min(settings.retryPause().toMillis() * attempt, 5_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
