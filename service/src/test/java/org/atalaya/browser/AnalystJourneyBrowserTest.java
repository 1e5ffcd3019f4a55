package org.atalaya.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The main screens in a real browser (Debian's chromium, headless, through its chromedriver): an
 * analyst signs in, uploads a CSV with one bad row, reads the error, fixes the file and stores it,
 * sees the new value in the indicator's table, switches to English and signs out; an anonymous
 * visitor reads a corregimiento and a survey's results but cannot reach the data pages. Screenshots
 * go to {@code target/screenshots/}. Without chromium and chromedriver on the machine the test is
 * skipped (CI installs them).
 */
@MicronautTest(environments = "test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalystJourneyBrowserTest {
  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  private WebDriver browser;

  @BeforeAll
  void startBrowser() {
    browser = Chromium.start(1280, 1400);
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void anAnalystUploadsFixesCommitsSeesTheValueSwitchesToEnglishAndSignsOut() throws IOException {
    Api api = new Api(client);
    String token = api.analystToken();
    String code = "BR-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    IndicatorFixtures.create(api, token, IndicatorFixtures.domesticViolenceReports(code));

    open("/planes/LCH-PISCC-2025");
    shot("overview");

    open("/corregimientos/LCH-01?corte=2025-12-31");
    assertThat(text("h1")).isEqualTo("Barrio Balboa");
    assertThat(browser.findElements(By.cssSelector("table.place-indicators tbody tr")))
        .isNotEmpty();
    shot("corregimiento");

    open("/encuestas/LCH-PERCEPCION");
    assertThat(text("table.estimates tbody tr th")).isEqualTo("Total");
    assertThat(browser.findElements(By.xpath("//td[normalize-space()='— (suprimida)']")))
        .isNotEmpty();
    shot("encuesta");

    open("/datos/cargas");
    assertThat(browser.getCurrentUrl()).contains("/entrar");
    browser.findElement(By.id("username")).sendKeys("test-analyst");
    browser.findElement(By.id("password")).sendKeys(Api.STAFF_PASSWORD);
    submit(By.cssSelector("form[action^='/login'] button[type=submit]"));
    assertThat(browser.getCurrentUrl()).endsWith("/datos/cargas");
    assertThat(text("h1")).isEqualTo("Cargar mediciones");

    Path bad = csv(code, "cuarenta y uno");
    browser.findElement(By.id("archivo")).sendKeys(bad.toAbsolutePath().toString());
    submit(By.id("revisar"));
    String errors = text("#errores");
    assertThat(errors)
        .contains("cuarenta y uno")
        .contains("no es un número")
        .doesNotContain("notNumber");
    assertThat(browser.findElements(By.id("confirmar"))).isEmpty();
    shot("upload-preview");

    Path fixed = csv(code, "41");
    browser.findElement(By.id("archivo")).sendKeys(fixed.toAbsolutePath().toString());
    submit(By.id("revisar"));
    assertThat(text("#rechazadas")).isEqualTo("0");
    // Post/redirect/get: the preview has its own address, without the token; reloading it is safe.
    assertThat(browser.getCurrentUrl()).contains("/datos/cargas/vista?id=").doesNotContain("_csrf");
    browser.navigate().refresh();
    assertThat(text("#rechazadas")).isEqualTo("0");
    submit(By.id("confirmar"));
    assertThat(text("#guardado")).contains("Carga guardada: 2 nuevas");
    assertThat(browser.getCurrentUrl()).doesNotContain("_csrf").doesNotContain("confirmar");

    open("/indicadores/" + code);
    // Signed in, the analyst reads what nobody has validated yet, marked as such.
    assertThat(browser.findElements(By.xpath("//table//td[normalize-space()='41 (provisional)']")))
        .isNotEmpty();
    assertThat(browser.findElements(By.xpath("//table//td[normalize-space()='37 (provisional)']")))
        .isNotEmpty();
    shot("indicator");

    submit(By.cssSelector("a.lang"));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    assertThat(browser.getCurrentUrl()).contains("/indicadores/" + code);

    submit(By.cssSelector("form[action^='/salir'] button"));
    assertThat(browser.findElements(By.cssSelector("form[action^='/salir']"))).isEmpty();
    for (String page : new String[] {"/datos/cargas", "/datos/medicion", "/datos/encuestas"}) {
      open(page);
      assertThat(browser.getCurrentUrl()).as(page).contains("/entrar");
      assertThat(browser.findElements(By.id("archivo"))).isEmpty();
    }
  }

  /**
   * Clicks what leads to another page and waits until the browser has left this one, so that the
   * next look-up reads the new page and not an element of the old one with the same id.
   */
  private void submit(By what) {
    Chromium.submit(browser, what, Duration.ofSeconds(60));
  }

  /** The element has left the document: stale, or (mid-navigation) no longer in it. */
  private void open(String path) {
    browser.get(server.getURI().toString().replaceAll("/$", "") + path);
  }

  private String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText().strip();
  }

  private static Path csv(String code, String february) throws IOException {
    Path file = Files.createTempFile("mediciones-", ".csv");
    Files.writeString(
        file,
        "indicador,periodo,valor\n"
            + code
            + ",2025-01,37\n"
            + code
            + ",2025-02,"
            + february
            + "\n");
    file.toFile().deleteOnExit();
    return file;
  }

  private void shot(String name) throws IOException {
    Chromium.shot(browser, name);
  }
}
