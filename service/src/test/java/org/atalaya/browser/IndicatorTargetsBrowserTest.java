package org.atalaya.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * An analyst defines an indicator of an action card of the published demo plan in chromium, from
 * the plan's edit page, and its targets for the total, women and men typed as quarters; a bad
 * period is refused beside its field, the rest kept. Both become the plan's proposal, shown field
 * by field; a committee member approves it in the browser; the analyst uploads its figures for
 * women and men, and the indicator page shows the targets by sex. Screenshots at 1366 and 390 px.
 */
@MicronautTest(environments = "test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorTargetsBrowserTest {
  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  private WebDriver browser;

  @BeforeAll
  void startBrowser() {
    browser = Chromium.start(1366, 2600);
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void anAnalystDefinesAnIndicatorWithTargetsForWomenAndMen() throws IOException {
    Api api = new Api(client);
    String analyst = api.analystToken();
    String code = "BRI-" + Long.toString(System.nanoTime(), 36).toUpperCase();

    signIn("test-analyst", "/planes/LCH-PISCC-2025/editar");
    submit(By.id("nuevo-indicador-CONT-01"));
    assertThat(value("actionCardCode")).isEqualTo("CONT-01");
    type("code", code);
    type("name", "Mujeres víctimas de violencia atendidas");
    choose("kind", "COUNT");
    type("unit", "víctimas");
    choose("direction", "INCREASE");
    choose("frequency", "QUARTERLY");
    choose("accumulation", "PERIODIC");
    browser.findElement(By.id("bySex")).click();
    choose("sourceKind", "ADMINISTRATIVE");
    choose("institution", "MP");
    shots("indicator-form");
    submit(By.id("guardar"));

    assertThat(text("h1")).isEqualTo("Metas de " + code);
    assertThat(text("#periodos")).contains("2025-T1 es la meta al 31 de marzo de 2025");
    row(0, "_T", "2024-T4", "120", "2027-T4", "180");
    row(1, "F", "2024-T4", "90", "2027-T5", "140");
    row(2, "M", "2024-T4", "30", "2027-T4", "40");
    submit(By.id("guardar"));
    assertThat(text("#targetPeriod-1-error")).contains("no es un periodo");
    assertThat(value("baselineValue-1")).isEqualTo("90");
    shots("targets-errors");
    browser.findElement(By.id("targetPeriod-1")).clear();
    type("targetPeriod-1", "2027-T4");
    submit(By.id("guardar"));

    // The demo plan is published: the indicator and its targets are one proposal, field by field.
    String change = browser.getCurrentUrl();
    assertThat(change).contains("/planes/LCH-PISCC-2025/cambios/");
    assertThat(text("main")).contains("Indicador " + code + " › Nombre");
    assertThat(browser.findElements(By.id("aprobar"))).as("an analyst cannot approve").isEmpty();
    shots("proposal");
    assertThat(
            api.call(HttpRequest.GET("/api/indicators/" + code).bearerAuth(analyst), Map.class)
                .status())
        .as("not in force before the approval")
        .isEqualTo(404);

    // A committee member approves it in the browser.
    api.committeeToken();
    submit(By.cssSelector("form[action^='/salir'] button"));
    signIn("test-committee", change.substring(change.indexOf("/planes/")));
    submit(By.id("aprobar"));
    assertThat(text("#estado")).contains("aprobada").contains("test-committee");
    submit(By.cssSelector("form[action^='/salir'] button"));

    // The analyst finds it in force and uploads its figures for women and men.
    signIn("test-analyst", "/datos/cargas");
    Path figures = Files.createTempFile("mediciones-", ".csv");
    Files.writeString(
        figures,
        "indicador,periodo,sexo,territorio,valor\n"
            + (code + ",2025-T1,F,LCH,85\n")
            + (code + ",2025-T1,M,LCH,28\n"));
    figures.toFile().deleteOnExit();
    browser.findElement(By.id("archivo")).sendKeys(figures.toAbsolutePath().toString());
    submit(By.id("revisar"));
    assertThat(text("#rechazadas")).isEqualTo("0");
    submit(By.id("confirmar"));
    assertThat(text("#guardado")).contains("Carga guardada: 2 nuevas");

    open("/indicadores/" + code);
    String targets = text("#metas-indicador");
    assertThat(targets)
        .contains("Total · La Chorrera")
        .contains("Mujeres · La Chorrera")
        .contains("Hombres · La Chorrera")
        .contains("90 víctimas (4.º trimestre de 2024)")
        .contains("140 víctimas (31 dic. 2027)");
    shots("indicator-page");
    List<?> stored =
        api.call(
                HttpRequest.GET("/api/indicators/" + code + "/targets").bearerAuth(analyst),
                List.class)
            .value();
    assertThat(stored).hasSize(3);
    assertThat(((Map<?, ?>) stored.get(1)).get("target"))
        .isEqualTo(Map.of("period", "2027-12-31", "value", 140));
  }

  private void row(int i, String sex, String from, String base, String to, String target) {
    choose("sex-" + i, sex);
    type("baselinePeriod-" + i, from);
    type("baselineValue-" + i, base);
    type("targetPeriod-" + i, to);
    type("targetValue-" + i, target);
  }

  private void choose(String id, String value) {
    new Select(browser.findElement(By.id(id))).selectByValue(value);
  }

  private void signIn(String user, String path) {
    open(path);
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(Api.STAFF_PASSWORD);
    submit(By.cssSelector("form[action^='/login'] button[type=submit]"));
  }

  private void shots(String name) throws IOException {
    Chromium.shot(browser, "indicator-" + name + "-1366");
    browser.manage().window().setSize(new Dimension(390, 2600));
    Chromium.shot(browser, "indicator-" + name + "-390");
    browser.manage().window().setSize(new Dimension(1366, 2600));
  }

  private void type(String id, String text) {
    browser.findElement(By.id(id)).sendKeys(text);
  }

  private String value(String id) {
    return browser.findElement(By.id(id)).getAttribute("value");
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
