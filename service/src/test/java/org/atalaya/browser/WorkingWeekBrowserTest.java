package org.atalaya.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The working week in a real browser: an analyst fills two months of a count in the grid with the
 * keyboard (tab from cell to cell), previews and saves; a committee member opens the inbox from the
 * menu, reads the month beside the previous one, chooses it, confirms and validates it. Screenshots
 * of the grid, the inbox and the confirmation at 1366 and 390 px.
 */
@MicronautTest(environments = "test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkingWeekBrowserTest {
  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  private WebDriver browser;

  @BeforeAll
  void startBrowser() {
    browser = Chromium.start(1366, 1800);
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void anAnalystFillsAMonthInTheGridAndTheCommitteeValidatesItFromTheInbox() throws IOException {
    Api api = new Api(client);
    String code = "SW-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    IndicatorFixtures.create(
        api, api.analystToken(), IndicatorFixtures.domesticViolenceReports(code));
    api.committeeToken();

    signIn("test-analyst", "/datos/cuadricula?indicador=" + code + "&periodo=2026-09");
    fill("7", "5");
    submit(By.id("revisar"));
    submit(By.id("guardar"));
    assertThat(text("#guardado")).startsWith("Guardado: 2 cifras nuevas");

    open("/datos/cuadricula?indicador=" + code + "&periodo=2026-10");
    fill("9", "4");
    browser.findElement(By.id("ceros")).click();
    submit(By.id("revisar"));
    assertThat(text("#resumen-previa")).contains("con errores: 0");
    shots("cuadricula");
    submit(By.id("guardar"));
    assertThat(text("#guardado")).contains("cifras nuevas");
    assertThat(browser.getCurrentUrl()).doesNotContain("_csrf");
    submit(By.cssSelector("form[action^='/salir'] button"));

    signIn("test-committee", "/");
    submit(By.id("menu-revision"));
    WebElement item = browser.findElement(By.id("item-" + code + "-2026-10"));
    WebElement women = item.findElement(By.xpath(".//tr[th='Barrio Balboa' and td='Mujeres']"));
    assertThat(women.getText()).contains("9 (provisional)").contains("7").contains("+2");
    shots("revision");

    item.findElement(By.cssSelector("input[type=checkbox]")).click();
    submit(By.id("validar-elegidos"));
    assertThat(text("#pregunta")).startsWith("¿Validar este periodo?");
    shots("confirmacion");
    submit(By.id("confirmar"));
    assertThat(text("#hecho")).isEqualTo("Un periodo validado.");
    assertThat(browser.findElements(By.id("item-" + code + "-2026-10"))).isEmpty();
  }

  /** Types the women's and men's counts of the first corregimiento, tabbing between the cells. */
  private void fill(String women, String men) {
    WebElement first = browser.findElement(By.name("v_LCH-01_F"));
    first.clear();
    first.sendKeys(women, Keys.TAB);
    WebElement next = browser.switchTo().activeElement();
    assertThat(next.getAttribute("name")).isEqualTo("v_LCH-01_M");
    next.clear();
    next.sendKeys(men);
  }

  private void signIn(String user, String path) {
    open("/entrar?volver=" + path.replace("?", "%3F").replace("&", "%26"));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(Api.STAFF_PASSWORD);
    submit(By.cssSelector("form[action^='/login'] button[type=submit]"));
  }

  private void shots(String name) throws IOException {
    for (int width : new int[] {1366, 390}) {
      browser.manage().window().setSize(new Dimension(width, 1800));
      Chromium.shot(browser, "trabajo-" + name + "-" + width);
    }
    browser.manage().window().setSize(new Dimension(1366, 1800));
  }

  private void submit(By what) {
    Chromium.submit(browser, what, Duration.ofSeconds(60));
  }

  private void open(String path) {
    browser.get(server.getURI().toString().replaceAll("/$", "") + path);
  }

  private String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText().strip();
  }
}
