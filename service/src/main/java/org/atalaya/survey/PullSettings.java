package org.atalaya.survey;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Bounds on a pull from a survey server ({@code atalaya.survey.pull.*}): each request's timeout,
 * attempts per request, the pause between attempts, the pages and the time a whole pull may take,
 * and the page size asked for.
 */
record PullSettings(
    Duration timeout,
    int attempts,
    Duration retryPause,
    int maxPages,
    Duration maxTime,
    int pageSize) {

  @Factory
  static class FromConfiguration {
    @Singleton
    PullSettings pullSettings(
        @Value("${atalaya.survey.pull.timeout:30s}") Duration timeout,
        @Value("${atalaya.survey.pull.attempts:3}") int attempts,
        @Value("${atalaya.survey.pull.retry-pause:500ms}") Duration retryPause,
        @Value("${atalaya.survey.pull.max-pages:1000}") int maxPages,
        @Value("${atalaya.survey.pull.max-time:10m}") Duration maxTime,
        @Value("${atalaya.survey.pull.page-size:1000}") int pageSize) {
      return new PullSettings(timeout, attempts, retryPause, maxPages, maxTime, pageSize);
    }
  }
}
