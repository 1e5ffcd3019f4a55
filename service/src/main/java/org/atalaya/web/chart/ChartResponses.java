package org.atalaya.web.chart;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.atalaya.chart.ChartSpec;
import org.atalaya.chart.Charts;
import org.atalaya.shared.ApiException;

/**
 * A chart as an image answer. The chart library draws identical bytes for identical input, so the
 * hash of the bytes is a strong ETag: a browser that has them gets 304. Published charts may be
 * cached by anyone; charts of drafts only by the browser that asked.
 */
public final class ChartResponses {
  public static final int WIDTH = 880;
  public static final int HEIGHT = 440;

  private ChartResponses() {}

  public static HttpResponse<?> image(
      HttpRequest<?> request, ChartSpec spec, String format, Locale locale, boolean published) {
    return image(request, spec, format, locale, published, WIDTH, HEIGHT);
  }

  /** A chart of another size than the standard one (a grid of panels grows with its rows). */
  public static HttpResponse<?> image(
      HttpRequest<?> request,
      ChartSpec spec,
      String format,
      Locale locale,
      boolean published,
      int width,
      int height) {
    byte[] bytes;
    String type;
    if ("png".equals(format)) {
      bytes = Charts.png(spec, width, height, locale);
      type = "image/png";
    } else if ("svg".equals(format)) {
      bytes = Charts.svg(spec, width, height, locale).getBytes(StandardCharsets.UTF_8);
      type = "image/svg+xml";
    } else {
      throw ApiException.notFound("chart", format);
    }
    String etag = "\"" + sha256(bytes) + "\"";
    String cache = published ? "public, max-age=300" : "private, no-cache";
    String asked = request.getHeaders().get(HttpHeaders.IF_NONE_MATCH);
    if (asked != null && (asked.equals(etag) || asked.equals("W/" + etag))) {
      return HttpResponse.status(HttpStatus.NOT_MODIFIED)
          .header(HttpHeaders.ETAG, etag)
          .header(HttpHeaders.CACHE_CONTROL, cache);
    }
    return HttpResponse.ok(bytes)
        .contentType(type)
        .header(HttpHeaders.ETAG, etag)
        .header(HttpHeaders.CACHE_CONTROL, cache)
        .header(HttpHeaders.VARY, "Cookie, Accept-Language");
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
