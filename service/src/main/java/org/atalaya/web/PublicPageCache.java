package org.atalaya.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the pages and charts the public reads, as rendered, until the data they show changes. Only
 * anonymous GETs (no bearer header, no session cookie) that answered 200 are kept, per address and
 * language, under the {@link PageVersion} read before the page was computed and for that day only
 * (a page without {@code corte} shows today's figures: at midnight in Panama it is recomputed even
 * if no data changed); a hit answers the same bytes without computing or rendering anything.
 * Signed-in people always get a fresh page (it carries their name, their forms' CSRF token and
 * unpublished figures). A cached answer carries no cookie: the security headers are added outside
 * this filter, on every answer.
 */
@ServerFilter({
  "/",
  "/planes/**",
  "/indicadores/**",
  "/corregimientos/**",
  "/encuestas",
  "/encuestas/**"
})
class PublicPageCache implements Ordered {
  private static final String VERSION = "atalaya.cache.version";
  private static final String KEY = "atalaya.cache.key";
  private static final String DAY = "atalaya.cache.day";

  /**
   * The data version a public page was computed at (its data are at least that new): the source
   * ({@code r}eplica or {@code p}rimary, with its generation), the version read there, and this
   * service's count of writes.
   */
  static final String DATA_VERSION = "Atalaya-Data-Version";

  static final int MAX_ENTRIES = 2_000;
  static final int MAX_BYTES = 2 * 1024 * 1024;

  /** {@code day}: the observatory's date it was computed on, its default cut-off ("Datos al"). */
  record Entry(String version, LocalDate day, MediaType type, byte[] body, @Nullable String etag) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final PageVersion versions;
  private final Pages pages;
  private final Clock clock;

  PublicPageCache(PageVersion versions, Pages pages, Clock clock) {
    this.versions = versions;
    this.pages = pages;
    this.clock = clock;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.after();
  }

  /** On the event loop, with no query: the version is kept current in the background. */
  @RequestFilter
  @Nullable
  HttpResponse<?> lookUp(HttpRequest<?> request) {
    if (!cacheable(request)) {
      return null;
    }
    String version = versions.current(request);
    if (version == null) {
      return null;
    }
    String key = request.getUri() + "|" + pages.locale(request).toLanguageTag();
    LocalDate day = LocalDate.now(clock);
    Entry hit = entries.get(key);
    if (hit != null && hit.version().equals(version) && hit.day().equals(day)) {
      String asked = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
      if (hit.etag() != null && hit.etag().equals(asked)) {
        return HttpResponse.notModified().header(HttpHeaders.ETAG, hit.etag());
      }
      MutableHttpResponse<byte[]> answer =
          HttpResponse.ok(hit.body()).contentType(hit.type()).header(DATA_VERSION, version);
      return hit.etag() == null ? answer : answer.header(HttpHeaders.ETAG, hit.etag());
    }
    request.setAttribute(VERSION, version);
    request.setAttribute(KEY, key);
    request.setAttribute(DAY, day);
    return null;
  }

  @ResponseFilter
  MutableHttpResponse<?> keep(HttpRequest<?> request, MutableHttpResponse<?> response) {
    String version = request.getAttribute(VERSION, String.class).orElse(null);
    String key = request.getAttribute(KEY, String.class).orElse(null);
    LocalDate day = request.getAttribute(DAY, LocalDate.class).orElse(null);
    if (version == null || key == null || day == null || response.getStatus().getCode() != 200) {
      return response;
    }
    MediaType type = response.getContentType().orElse(null);
    byte[] body = bytes(response.getBody().orElse(null), type);
    if (type == null || body == null || body.length > MAX_BYTES) {
      return response;
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear();
    }
    entries.put(
        key, new Entry(version, day, type, body, response.getHeaders().get(HttpHeaders.ETAG)));
    return response.body(body).header(DATA_VERSION, version);
  }

  /** How many pages are kept now. */
  int size() {
    return entries.size();
  }

  private static boolean cacheable(HttpRequest<?> request) {
    return request.getMethod() == HttpMethod.GET
        && request.getHeaders().getAuthorization().isEmpty()
        && request.getCookies().findCookie(SessionCookie.NAME).isEmpty();
  }

  /** The rendered body as bytes: a view's writable, a string or bytes; null for anything else. */
  private static byte[] bytes(@Nullable Object body, @Nullable MediaType type) {
    if (body instanceof byte[] b) {
      return b;
    }
    if (body instanceof CharSequence s) {
      return s.toString().getBytes(type == null ? StandardCharsets.UTF_8 : charset(type));
    }
    if (body instanceof Writable w) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
      try {
        w.writeTo(out, type == null ? StandardCharsets.UTF_8 : charset(type));
      } catch (IOException e) {
        return null;
      }
      return out.toByteArray();
    }
    return null;
  }

  private static java.nio.charset.Charset charset(MediaType type) {
    return type.getCharset().orElse(StandardCharsets.UTF_8);
  }
}
