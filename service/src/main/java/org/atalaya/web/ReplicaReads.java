package org.atalaya.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.atalaya.database.ReadReplica;

/**
 * Sends the public's reads to the read replica while it is in use: an anonymous GET (no bearer
 * header, no session cookie — the same test as the public page cache) is marked, and every
 * connection it takes, the data version's included, comes from the replica. The source is decided
 * once per request and kept on it, so the page cache keys the page under that source's version.
 * Signed-in people and every write keep to the primary, so they see their own changes at once.
 * Without a replica configured this filter does not exist and nothing changes for any request.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "atalaya.database.replica.url", pattern = ".+")
class ReplicaReads implements Ordered {
  private final PageVersion versions;

  ReplicaReads(PageVersion versions) {
    this.versions = versions;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.order();
  }

  @RequestFilter
  void mark(HttpRequest<?> request, MutablePropagatedContext context) {
    ReadReplica.Source source = versions.source();
    if (source == null
        || !(request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD)
        || request.getHeaders().getAuthorization().isPresent()
        || request.getCookies().findCookie(SessionCookie.NAME).isPresent()) {
      return;
    }
    request.setAttribute(PageVersion.SOURCE, source);
    if (source.replica()) {
      context.add(ReadReplica.READ);
    }
  }
}
