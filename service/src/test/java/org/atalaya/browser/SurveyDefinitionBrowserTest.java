package org.atalaya.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.atalaya.web.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * An analyst defines a small survey in chromium, creates its wave, uploads its microdata through
 * the upload page, binds its question to an indicator; the committee validates the wave; the
 * analyst publishes it, and the public survey page shows the estimate (48 of 120 people: 40 %).
 * Screenshots of each new page at 1366 and 390 px.
 */
@MicronautTest(environments = "test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SurveyDefinitionBrowserTest {
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
  void anAnalystDefinesASurveyLoadsAWaveAndThePublicReadsItsEstimate() throws IOException {
    Api api = new Api(client);
    String analyst = api.analystToken();
    api.committeeToken();
    String code = "BRS-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    String indicator = code + "-I";
    IndicatorFixtures.create(api, analyst, IndicatorFixtures.perceivedInsecurity(indicator));

    signIn("test-analyst", "/datos");
    submit(By.id("definir-encuestas"));
    shots("list");
    submit(By.id("nueva-encuesta"));
    type("code", code);
    type("name", "Sondeo de convivencia");
    type("weights", "peso");
    type("sexVariable", "sexo");
    type("sexCodes", "1 = F\n2 = M");
    type("item-0-code", "inseguro");
    choose("item-0-type", "BINARY");
    type("item-0-label", "¿Se siente inseguro en su barrio?");
    type("item-0-values", "1 = Sí\n2 = No");
    type("item-0-missing", "98, 99");
    type("item-1-code", "edad");
    choose("item-1-type", "NUMERIC");
    shots("form");
    submit(By.id("guardar"));
    assertThat(text("#item-1-label-error")).contains("es obligatorio");
    assertThat(value("item-0-label")).isEqualTo("¿Se siente inseguro en su barrio?");
    shots("form-errors");
    type("item-1-label", "Edad en años cumplidos");
    submit(By.id("guardar"));

    assertThat(text("#aviso")).isEqualTo("Encuesta guardada.");
    type("wave-code", "R1");
    type("wave-name", "Ronda de marzo");
    date("wave-periodStart", "2025-03-01");
    date("wave-periodEnd", "2025-03-31");
    submit(By.id("crear-ronda"));
    assertThat(text("#rondas")).contains("Ronda de marzo").contains("Sin microdatos");
    choose("bind-indicator", indicator);
    choose("bind-item", "inseguro");
    choose("bind-kind", "PROPORTION");
    type("bind-value", "1");
    submit(By.id("vincular-indicador"));
    assertThat(text("#vinculos")).contains(indicator).contains("inseguro");
    shots("survey");
    submit(By.id("servidor"));
    assertThat(text("h1")).contains("Sondeo de convivencia");
    shots("server");
    open("/gestion/encuestas/" + code + "/editar");
    assertThat(value("item-1-label")).isEqualTo("Edad en años cumplidos");
    shots("edit");
    open("/gestion/encuestas/" + code);

    submit(By.id("cargar-microdatos"));
    browser.findElement(By.id("archivo")).sendKeys(microdata().toAbsolutePath().toString());
    submit(By.id("revisar"));
    submit(By.id("confirmar"));
    open("/gestion/encuestas/" + code);
    assertThat(text("#rondas")).contains("Cargada, por validar").contains("120 personas");

    Browser committee = new Browser(server.getURI());
    committee.login("test-committee", Api.STAFF_PASSWORD);
    String seen = committee.get("/encuestas/" + code + "?ronda=R1").body();
    var validated =
        committee.post(
            "/encuestas/" + code + "/rondas/R1/validar", Map.of("_csrf", Browser.csrf(seen)));
    assertThat(validated.statusCode()).as(validated.body()).isIn(200, 303);

    open("/encuestas/" + code + "?ronda=R1");
    submit(By.id("publicar-ronda"));
    open("/gestion/encuestas/" + code);
    assertThat(text("#rondas")).contains("Publicada");

    String publicPage =
        new Browser(server.getURI())
            .get("/encuestas/" + code + "?ronda=R1&pregunta=inseguro")
            .body();
    assertThat(publicPage).contains("Sondeo de convivencia").containsPattern(">40[.,]0");
  }

  /** 120 people, 60 women and 60 men; 48 feel unsafe (24 of each). */
  private static Path microdata() throws IOException {
    StringBuilder csv = new StringBuilder("id,peso,sexo,inseguro,edad\n");
    for (int i = 0; i < 120; i++) {
      int sex = i % 2 == 0 ? 1 : 2;
      int unsafe = i / 2 < 24 ? 1 : 2;
      csv.append(i + 1).append(",10,").append(sex).append(',').append(unsafe).append(',');
      csv.append(18 + i % 50).append('\n');
    }
    Path file = Files.createTempFile("sondeo-", ".csv");
    Files.writeString(file, csv, StandardCharsets.UTF_8);
    return file;
  }

  private void signIn(String user, String path) {
    open(path);
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(Api.STAFF_PASSWORD);
    submit(By.cssSelector("form[action^='/login'] button[type=submit]"));
  }

  private void shots(String name) throws IOException {
    Chromium.shot(browser, "surveyforms-" + name + "-1366");
    browser.manage().window().setSize(new Dimension(390, 2600));
    Chromium.shot(browser, "surveyforms-" + name + "-390");
    browser.manage().window().setSize(new Dimension(1366, 2600));
  }

  private void choose(String id, String value) {
    new Select(browser.findElement(By.id(id))).selectByValue(value);
  }

  private void type(String id, String text) {
    browser.findElement(By.id(id)).sendKeys(text);
  }

  /** A date input's value set directly: typed keys follow the browser's locale's order. */
  private void date(String id, String iso) {
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id(id)), iso);
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
