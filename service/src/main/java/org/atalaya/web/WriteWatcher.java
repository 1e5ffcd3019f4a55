package org.atalaya.web;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Tells the page cache when a write has been answered: its transaction has committed by then, so
 * the next public page is computed afresh. Any answer counts, refusals too (a refused write changed
 * nothing, and a spare recomputation costs little).
 */
@ServerFilter(
    value = ServerFilter.MATCH_ALL_PATTERN,
    methods = {HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE})
class WriteWatcher implements Ordered {
  private final PageVersion versions;

  WriteWatcher(PageVersion versions) {
    this.versions = versions;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.after();
  }

  @ResponseFilter
  void written(HttpRequest<?> request, MutableHttpResponse<?> response) {
    versions.written();
  }
}
