package org.atalaya.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The layout in both languages, the language switch, security headers and error pages. */
@MicronautTest(environments = "test")
class WebLayoutTest {
  /** Thymeleaf marks a missing key as ??key_locale??; a raw key would show as web.something. */
  static final Pattern UNTRANSLATED = Pattern.compile("\\?\\?|>\\s*web\\.[a-z]");

  @Inject EmbeddedServer server;

  @Test
  void theHomePageSpeaksSpanishByDefault() {
    var page = new Browser(server.getURI()).get("/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<html lang=\"es\"")
        .contains("Planes de seguridad ciudadana")
        .contains("Entrar");
    assertThat(UNTRANSLATED.matcher(page.body()).find()).isFalse();
  }

  @Test
  void theSwitchRemembersEnglishAndComesBackToThePage() {
    Browser browser = new Browser(server.getURI());
    var answer = browser.get("/idioma?lang=en&volver=/entrar");

    assertThat(answer.statusCode()).isEqualTo(303);
    assertThat(answer.headers().firstValue("location")).contains("/entrar");
    var page = browser.get("/");
    assertThat(page.body())
        .contains("<html lang=\"en\"")
        .contains("Citizen security plans")
        .contains("Sign in");
    assertThat(UNTRANSLATED.matcher(page.body()).find()).isFalse();
    assertThat(browser.get("/entrar").body()).contains("Password");
  }

  @Test
  void theSwitchNeverRedirectsToAnotherSite() {
    Browser browser = new Browser(server.getURI());
    for (String target : new String[] {"https://evil.example", "//evil.example", "/\\evil"}) {
      var answer =
          browser.get(
              "/idioma?lang=en&volver="
                  + java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8));
      assertThat(answer.headers().firstValue("location")).contains("/");
    }
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() {
    Browser browser = new Browser(server.getURI());
    for (String path : new String[] {"/", "/api/plans", "/no-such-page"}) {
      var headers = browser.get(path).headers();
      assertThat(headers.firstValue("content-security-policy").orElseThrow())
          .contains("frame-ancestors 'none'")
          .contains("script-src 'self'")
          .doesNotContain("unsafe-inline");
      assertThat(headers.firstValue("x-content-type-options")).contains("nosniff");
      assertThat(headers.firstValue("referrer-policy")).isPresent();
    }
  }

  @Test
  void aMissingPageIsAReadablePageForPeopleAndProblemJsonForTheApi() {
    Browser browser = new Browser(server.getURI());
    var page = browser.get("/no-such-page");
    var api = browser.get("/api/no-such-thing", "application/json");

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.headers().firstValue("content-type").orElseThrow()).startsWith("text/html");
    assertThat(page.body()).contains("No encontrado").contains("Volver al inicio");
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(api.headers().firstValue("content-type").orElseThrow())
        .startsWith("application/problem+json");
  }

  @Test
  void theStylesheetIsServed() {
    var css = new Browser(server.getURI()).get("/static/atalaya.css", "text/css");
    assertThat(css.statusCode()).isEqualTo(200);
    assertThat(css.body()).contains(".status-OFF_TRACK");
  }
}
