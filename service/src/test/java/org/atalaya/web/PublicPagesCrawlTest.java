package org.atalaya.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads the demo's public site as a visitor does: from {@code /}, every internal link and chart
 * image the pages print, in Spanish and in English. A person must never meet a server error, a link
 * the site printed that leads nowhere, or a message pattern left unformatted.
 */
@MicronautTest(environments = "test")
class PublicPagesCrawlTest {
  /** Enough for every page kind and its filters; a bound so a link loop cannot run forever. */
  static final int MAX_PAGES = 400;

  /** The same page with other filters: a few of each, not every combination. */
  static final int MAX_VARIANTS_PER_PATH = 12;

  /** What a message pattern looks like when it reaches a person unformatted. */
  static final Pattern UNFORMATTED =
      Pattern.compile(
          "\\{\\d+(,[^}]*)?}|\\b\\d+,(number|choice|date|time)\\b|,choice,|\\?\\?[\\w.-]*\\?\\?");

  private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"");

  @Inject EmbeddedServer server;

  @ParameterizedTest
  @ValueSource(strings = {"es", "en"})
  void everyPublicPageReachableFromHomeAnswersAndReadsFormatted(String lang) {
    Browser browser = new Browser(server.getURI());
    if (lang.equals("en")) {
      browser.get("/idioma?lang=en&volver=/");
    }
    List<String> problems = new ArrayList<>();
    Map<String, Integer> variants = new HashMap<>();
    Set<String> seen = new LinkedHashSet<>();
    Set<String> formsRead = new java.util.HashSet<>();
    ArrayDeque<String[]> queue = new ArrayDeque<>();
    queue.add(new String[] {"/", "(start)"});
    seen.add("/");
    int pages = 0;
    while (!queue.isEmpty() && pages < MAX_PAGES) {
      String[] next = queue.poll();
      String path = next[0];
      String from = next[1];
      pages++;
      HttpResponse<byte[]> answer = browser.bytes(path, "Accept", accept(path));
      int status = answer.statusCode();
      if (status >= 500) {
        problems.add(status + " at " + path + " (linked from " + from + ")");
        continue;
      }
      if (status == 404 || status == 400) {
        problems.add(status + " at " + path + " (linked from " + from + ")");
        continue;
      }
      String type = answer.headers().firstValue("content-type").orElse("");
      if (!type.startsWith("text/html") && !type.startsWith("image/svg")) {
        continue;
      }
      String body = new String(answer.body(), StandardCharsets.UTF_8);
      Matcher unformatted = UNFORMATTED.matcher(body);
      if (unformatted.find()) {
        problems.add("unformatted \"" + around(body, unformatted) + "\" at " + path);
      }
      if (type.startsWith("text/html")) {
        assertThat(body).as(path).contains("<html lang=\"" + lang + "\"");
        List<String> found = new ArrayList<>();
        if (formsRead.add(path.replaceAll("\\?.*", ""))) {
          found.addAll(filterChoices(path, body));
        }
        found.addAll(links(body));
        for (String link : found) {
          String base = link.replaceAll("\\?.*", "");
          if (seen.add(link) && variants.merge(base, 1, Integer::sum) <= MAX_VARIANTS_PER_PATH) {
            queue.add(new String[] {link, path});
          }
        }
      }
    }
    assertThat(pages).as("pages read").isGreaterThan(20);
    assertThat(problems).as("read %d pages in %s", pages, lang).isEmpty();
  }

  /** Internal links a visitor can follow without signing in or changing the language. */
  static List<String> links(String html) {
    List<String> out = new ArrayList<>();
    Matcher m = LINK.matcher(html);
    while (m.find()) {
      String link = m.group(1).replace("&amp;", "&").replaceAll("#.*", "");
      if (!link.startsWith("/") || link.startsWith("//") || link.isEmpty()) {
        continue;
      }
      String path = URI.create(link).getPath();
      if (path.startsWith("/idioma") || path.startsWith("/entrar") || path.startsWith("/salir")) {
        continue;
      }
      out.add(link);
    }
    return out;
  }

  private static final Pattern GET_FORM =
      Pattern.compile("<form[^>]*method=\"get\"[^>]*>(.*?)</form>", Pattern.DOTALL);
  private static final Pattern DATE =
      Pattern.compile("<input type=\"date\" name=\"([^\"]+)\" value=\"(\\d{4}-\\d{2}-\\d{2})\"");
  private static final Pattern SELECT =
      Pattern.compile("<select name=\"([^\"]+)\">(.*?)</select>", Pattern.DOTALL);
  private static final Pattern OPTION = Pattern.compile("<option value=\"([^\"]*)\"");

  /**
   * What a visitor can ask with a page's filter form (it submits to the page itself): each choice
   * of each list alone, and the cut-off date moved back a year and two and a half, as someone
   * looking at the past does.
   */
  static List<String> filterChoices(String path, String html) {
    String page = path.replaceAll("\\?.*", "");
    List<String> out = new ArrayList<>();
    Matcher form = GET_FORM.matcher(html);
    while (form.find()) {
      Matcher date = DATE.matcher(form.group(1));
      while (date.find()) {
        var day = java.time.LocalDate.parse(date.group(2));
        out.add(page + "?" + date.group(1) + "=" + day.minusYears(1));
        out.add(page + "?" + date.group(1) + "=" + day.minusYears(2).minusMonths(6));
      }
      Matcher select = SELECT.matcher(form.group(1));
      while (select.find()) {
        Matcher option = OPTION.matcher(select.group(2));
        while (option.find()) {
          out.add(
              page
                  + "?"
                  + select.group(1)
                  + "="
                  + java.net.URLEncoder.encode(option.group(1), StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  private static String accept(String path) {
    return path.contains(".svg") || path.contains(".png")
        ? "image/avif,image/webp,image/svg+xml,image/*,*/*;q=0.8"
        : "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  }

  private static String around(String body, Matcher m) {
    int from = Math.max(0, m.start() - 40);
    int to = Math.min(body.length(), m.end() + 40);
    return body.substring(from, to).replaceAll("\\s+", " ");
  }
}
