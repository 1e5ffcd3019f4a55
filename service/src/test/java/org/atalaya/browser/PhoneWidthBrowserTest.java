package org.atalaya.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every public page, and the main signed-in ones, on a 390 px phone: the page must not scroll
 * sideways (a wide table scrolls in its own box, the navigation wraps). Each page is saved as
 * {@code target/screenshots/telefono-*.png} for a person to look at.
 */
@MicronautTest(environments = "test")
class PhoneWidthBrowserTest {
  static final int PHONE = 390;

  static final List<String> PUBLIC =
      List.of(
          "inicio|/",
          "metodologia|/metodologia",
          "plan|/planes/LCH-PISCC-2025",
          "eje|/planes/LCH-PISCC-2025/ejes/PREV",
          "ficha|/planes/LCH-PISCC-2025/fichas/PREV-01",
          "indicador|/indicadores/VD-DENUNCIAS",
          "indicador-tasa|/indicadores/HOM-TASA?sexo=F",
          "corregimiento|/corregimientos/LCH-03",
          "encuestas|/encuestas",
          "encuesta|/encuestas/LCH-PERCEPCION",
          "entrar|/entrar");

  static final List<String> SIGNED_IN =
      List.of(
          "personal-inicio|/",
          "personal-indicador|/indicadores/VD-DENUNCIAS",
          "datos|/datos",
          "cargas|/datos/cargas",
          "calendario|/datos/calendario",
          "bandeja|/revision",
          "encuestas-carga|/datos/encuestas",
          "revision|/revision/VD-DENUNCIAS",
          "usuarios|/admin/usuarios",
          "auditoria|/admin/auditoria",
          "copias|/admin/copias",
          "cuenta|/cuenta",
          "limites|/territorios/limites",
          "reportar|/mapa-de-riesgo/reportar");

  @Inject EmbeddedServer server;

  @Test
  void noPageScrollsSidewaysOnAPhone() throws IOException {
    WebDriver browser = Chromium.start(PHONE, 1600);
    // Headless chromium keeps a window at least 500 px wide: emulate the phone's screen instead.
    ((ChromeDriver) browser)
        .executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            Map.of("width", PHONE, "height", 1600, "deviceScaleFactor", 1, "mobile", true));
    List<String> overflowing = new ArrayList<>();
    try {
      visit(browser, PUBLIC, "telefono-", overflowing);
      signIn(browser);
      visit(browser, SIGNED_IN, "telefono-", overflowing);
    } finally {
      browser.quit();
    }
    assertThat(overflowing).as("pages wider than a %d px phone", PHONE).isEmpty();
  }

  private void visit(WebDriver browser, List<String> pages, String prefix, List<String> overflowing)
      throws IOException {
    for (String page : pages) {
      String name = page.substring(0, page.indexOf('|'));
      String path = page.substring(page.indexOf('|') + 1);
      browser.get(base() + path);
      assertThat(browser.findElements(By.tagName("h1"))).as("%s has a heading", path).isNotEmpty();
      long[] widths = widths(browser);
      assertThat(widths[1]).as("the screen is a phone's").isLessThanOrEqualTo(PHONE);
      if (widths[0] > widths[1]) {
        overflowing.add(path + " is " + widths[0] + " px wide, the screen " + widths[1] + " px");
      }
      Chromium.shot(browser, prefix + name);
    }
  }

  /** The document's scroll width and the viewport's width. */
  private static long[] widths(WebDriver browser) {
    Object answer =
        ((JavascriptExecutor) browser)
            .executeScript(
                "return [document.documentElement.scrollWidth,"
                    + " document.documentElement.clientWidth];");
    List<?> pair = (List<?>) answer;
    return new long[] {((Number) pair.get(0)).longValue(), ((Number) pair.get(1)).longValue()};
  }

  private void signIn(WebDriver browser) {
    browser.get(base() + "/entrar");
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(Api.ADMIN_PASSWORD);
    browser.findElement(By.cssSelector("form[action^='/login'] button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(d -> !d.getCurrentUrl().contains("/entrar"));
  }

  private String base() {
    return server.getURI().toString().replaceAll("/$", "");
  }
}
