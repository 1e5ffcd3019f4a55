package org.atalaya.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;

/**
 * A plan written in the browser and its change control: an analyst creates a plan (a bad date is
 * refused beside its field, the rest kept), writes an action card (a missing problem is refused
 * beside its field) and a priority project, previews the draft as the public will see it, and, once
 * the plan is published, edits the card: the edit becomes a proposal shown field by field; a change
 * someone made meanwhile is shown, not overwritten; a committee member approves the proposal and
 * the public reads the new card. Screenshots at 1366 and 390 px.
 */
@MicronautTest(environments = "test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanAuthoringBrowserTest {
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
  void anAnalystWritesAPlanAndACommitteeMemberApprovesAChangeToItOncePublished()
      throws IOException {
    Api api = new Api(client);
    api.analystToken();
    String committee = api.committeeToken();
    String plan = "BR-" + Long.toString(System.nanoTime(), 36).toUpperCase();

    signIn("test-analyst", "/planes/nuevo");
    type("code", plan);
    type("name", "Plan de La Chorrera 2026–2028");
    type("territory", "LCH");
    setValue("periodStart", "2026-01-01");
    // A browser without date pickers sends what was typed.
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("document.getElementById('periodEnd').type='text'");
    type("periodEnd", "el año 2028");
    submit(By.id("crear"));
    assertThat(text("#errores")).contains("Corrija los campos marcados");
    assertThat(fieldError("periodEnd")).contains("no es una fecha");
    assertThat(value("name")).isEqualTo("Plan de La Chorrera 2026–2028");
    setValue("periodEnd", "2028-12-31");
    submit(By.id("crear"));
    assertThat(browser.getCurrentUrl()).endsWith("/planes/" + plan + "/editar");
    assertThat(browser.findElements(By.cssSelector("ol.axes > li"))).hasSize(5);
    submit(By.id("bajar-PREV"));
    assertThat(text("ol.axes > li:nth-child(2) h3")).contains("PREV");
    shots("plan-edit");

    submit(By.id("nueva-ficha-PREV"));
    type("code", "F1");
    type("title", "Talleres preventivos de maltrato");
    type("generalObjective", "Disminuir la violencia intrafamiliar");
    type("actions", "Talleres para familias\nCampaña de denuncia");
    type("budgetAmount", "45 000,50");
    submit(By.id("guardar"));
    assertThat(fieldError("problem")).isNotBlank();
    assertThat(value("title")).isEqualTo("Talleres preventivos de maltrato");
    assertThat(value("actions")).isEqualTo("Talleres para familias\nCampaña de denuncia");
    shots("card-errors");
    type("problem", "Alta incidencia de violencia en la familia");
    submit(By.id("guardar"));
    assertThat(text("#guardado")).isEqualTo("Cambios guardados.");

    // A priority project (the guide's step 5): a missing problem is refused beside its field.
    submit(By.id("nuevo-proyecto"));
    type("code", "P1");
    type("name", "Parque seguro en Barrio Colón");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("axis")))
        .selectByValue("PREV");
    type("location", "Barrio Colón");
    type("justification", "El diagnóstico señala el parque como punto caliente");
    type("generalObjective", "Recuperar el parque como espacio de convivencia");
    type("activities", "Instalar luminarias\nLigas deportivas nocturnas");
    type("beneficiaries", "Residentes del barrio");
    type("schedule", "Instalar luminarias; 2026-02-01; 2026-05-31");
    submit(By.id("guardar"));
    assertThat(fieldError("problem")).isNotBlank();
    assertThat(value("activities")).isEqualTo("Instalar luminarias\nLigas deportivas nocturnas");
    shots("project-errors");
    type("problem", "Riñas y robos en el parque por la noche");
    submit(By.id("guardar"));
    assertThat(text("#guardado")).isEqualTo("Cambios guardados.");
    assertThat(text("#proyectos")).contains("P1 — Parque seguro en Barrio Colón");

    // The draft as the public will see it, bannered, without the signed-in menu.
    submit(By.id("vista-previa"));
    assertThat(text("#aviso-vista-previa")).contains("Vista previa pública");
    assertThat(browser.findElements(By.id("editar-plan"))).isEmpty();
    shots("preview");

    api.call(
        HttpRequest.PUT(
                "/api/plans/" + plan,
                Map.of(
                    "code",
                    plan,
                    "name",
                    "Plan de La Chorrera 2026–2028",
                    "territory",
                    "LCH",
                    "periodStart",
                    "2026-01-01",
                    "periodEnd",
                    "2028-12-31",
                    "status",
                    "PUBLISHED"))
            .bearerAuth(api.adminToken()),
        Map.class);

    open("/planes/" + plan + "/fichas/F1/editar");
    assertThat(text("#controlado")).contains("se propone como una nueva versión");
    // Meanwhile someone else proposes another title through the API.
    Map<String, Object> theirs = new java.util.HashMap<>(card(api, plan));
    theirs.put("title", "Talleres de crianza sin violencia");
    api.call(
        HttpRequest.PUT("/api/plans/" + plan + "/actions/F1", theirs)
            .bearerAuth(api.analystToken()),
        Map.class);
    browser.findElement(By.id("title")).clear();
    type("title", "Talleres para familias y parejas");
    submit(By.id("guardar"));
    assertThat(text("#cambio-ajeno")).contains("Talleres de crianza sin violencia");
    assertThat(value("title")).isEqualTo("Talleres para familias y parejas");
    shots("card-conflict");
    submit(By.id("guardar"));
    assertThat(text("h1")).startsWith("Propuesta de cambio");
    assertThat(text("#diferencias"))
        .contains("Ficha F1 › Título")
        .contains("Talleres preventivos de maltrato")
        .contains("Talleres para familias y parejas");
    assertThat(browser.findElements(By.id("aprobar"))).as("an analyst cannot approve").isEmpty();
    String change = browser.getCurrentUrl();
    assertThat(api.get("/api/plans/" + plan + "/actions/F1", Map.class).value())
        .containsEntry("title", "Talleres preventivos de maltrato");

    submit(By.cssSelector("form[action^='/salir'] button"));
    signIn("test-committee", change.substring(change.indexOf("/planes/")));
    shots("change");
    type("reason", "Acta 12 del Comité");
    submit(By.id("aprobar"));
    assertThat(text("#estado")).contains("aprobada").contains("test-committee");
    assertThat(api.get("/api/plans/" + plan + "/actions/F1", Map.class).value())
        .containsEntry("title", "Talleres para familias y parejas");
    assertThat(committee).isNotBlank();
  }

  private Map<String, Object> card(Api api, String plan) {
    @SuppressWarnings("unchecked")
    Map<String, Object> read = api.get("/api/plans/" + plan + "/actions/F1", Map.class).value();
    return read;
  }

  private void signIn(String user, String path) {
    open(path);
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(Api.STAFF_PASSWORD);
    submit(By.cssSelector("form[action^='/login'] button[type=submit]"));
  }

  private void shots(String name) throws IOException {
    Chromium.shot(browser, "authoring-" + name + "-1366");
    browser.manage().window().setSize(new Dimension(390, 2600));
    Chromium.shot(browser, "authoring-" + name + "-390");
    browser.manage().window().setSize(new Dimension(1366, 2600));
  }

  private void type(String id, String text) {
    browser.findElement(By.id(id)).sendKeys(text);
  }

  private void setValue(String id, String value) {
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, value);
  }

  private String value(String id) {
    return browser.findElement(By.id(id)).getAttribute("value");
  }

  private String fieldError(String id) {
    return text("#" + id + "-error");
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
