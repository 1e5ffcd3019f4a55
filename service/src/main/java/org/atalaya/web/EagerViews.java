package org.atalaya.web;

import io.micronaut.core.io.Writable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a page completely before its first byte leaves. A view is otherwise written while it is
 * sent: a mistake in a template would then surface after the status line, and the browser would
 * wait for an answer that never comes. Here it becomes a 500 (and the readable error page).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class EagerViews implements Ordered {
  private static final Logger LOG = LoggerFactory.getLogger(EagerViews.class);

  @Override
  public int getOrder() {
    // Inside the page cache (which keeps what this produces), outside the views' rendering.
    return ServerFilterPhase.FIRST.after() + 1;
  }

  @ResponseFilter
  MutableHttpResponse<?> render(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (!(response.getBody().orElse(null) instanceof Writable writable)) {
      return response;
    }
    var charset =
        response.getContentType().flatMap(MediaType::getCharset).orElse(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
    try {
      writable.writeTo(out, charset);
    } catch (IOException | RuntimeException e) {
      LOG.error("Page not rendered on {} {}", request.getMethodName(), request.getPath(), e);
      return HttpResponse.serverError();
    }
    return response.body(out.toByteArray());
  }
}
