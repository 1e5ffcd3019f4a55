package org.atalaya.web.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.atalaya.web.entry.FormClient;
import org.junit.jupiter.api.Test;

/**
 * An analyst fills months of a count in the grid (preview, then save, then a correction whose
 * preview names the old and new value); the committee finds the month in its inbox beside the
 * previous one, flagged as unusual, confirms and validates it; a later correction brings it back as
 * revised after validation.
 */
@MicronautTest(environments = "test")
class InboxAndGridTest {
  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void aMonthGoesFromTheGridToTheInboxAndIsValidatedAfterConfirming() {
    Api api = new Api(client);
    String code = "GR-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    IndicatorFixtures.create(
        api, api.analystToken(), IndicatorFixtures.domesticViolenceReports(code));
    api.committeeToken();
    FormClient analyst = FormClient.signedIn(server.getURI(), "test-analyst", Api.STAFF_PASSWORD);

    var grid = analyst.get("/datos/cuadricula?indicador=" + code + "&periodo=2026-11");
    assertThat(grid.statusCode()).isEqualTo(200);
    assertThat(grid.body())
        .contains("name=\"v_LCH-01_F\"")
        .contains("inputmode=\"numeric\"")
        .contains("aria-label=\"Barrio Balboa, Mujeres\"");

    int[] history = {10, 11, 12, 10, 11, 12};
    for (int m = 0; m < history.length; m++) {
      saved(
          analyst,
          code,
          String.format("2026-%02d", 5 + m),
          Map.of("v_LCH-01_F", "" + history[m]),
          false);
    }

    Map<String, String> month = new HashMap<>(Map.of("v_LCH-01_F", "60", "v_LCH-01_M", "doce"));
    var bad = post(analyst, code, "2026-11", month, "revisar");
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("Barrio Balboa, Hombres: valor — no es un número");
    assertThat(bad.body()).doesNotContain("id=\"guardar\"").contains("value=\"doce\"");

    month.put("v_LCH-01_M", "");
    month.put("ceros", "on");
    var preview = post(analyst, code, "2026-11", month, "revisar");
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body()).contains("Vista previa: todavía no se guardó nada");
    int cells = countOf(grid.body(), "class=\"cell\"");
    assertThat(preview.body()).contains("Nuevas: " + cells + "; revisadas: 0");
    String location = saved(analyst, code, "2026-11", month, true);
    assertThat(analyst.get(location).body()).contains("Guardado: " + cells + " cifras nuevas");

    FormClient committee =
        FormClient.signedIn(server.getURI(), "test-committee", Api.STAFF_PASSWORD);
    var inbox = committee.get("/revision");
    String item = section(inbox.body(), "item-" + code + "-2026-11");
    assertThat(inbox.body())
        .containsPattern("id=\"menu-revision\">Por validar<span class=\"count\"");
    assertThat(item)
        .contains("Barrio Balboa")
        .contains("Mujeres")
        .contains(">60<")
        .contains(">12<") // 2026-10, the previous month
        .contains("+48 (+400.0\u00a0%)")
        .contains("inusual (z modificada 33.1)");

    String key = code + "|2026-11";
    var confirm =
        committee.get("/revision/confirmar?p=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
    assertThat(confirm.body()).contains("¿Validar este periodo?").contains(key);
    assertThat(section(inbox.body(), "item-" + code + "-2026-11")).isNotEmpty();

    var done =
        committee.post(
            "/revision/validacion", Map.of("_csrf", FormClient.csrf(confirm.body()), "items", key));
    assertThat(done.statusCode()).isEqualTo(303);
    var after = committee.get(done.headers().firstValue("location").orElseThrow());
    assertThat(after.body()).contains("Un periodo validado.");
    assertThat(after.body()).doesNotContain("item-" + code + "-2026-11");

    month.put("v_LCH-01_F", "61");
    var correction = post(analyst, code, "2026-11", month, "revisar");
    assertThat(correction.body()).contains("Barrio Balboa, Mujeres: 60 → 61");
    saved(analyst, code, "2026-11", month, true);
    String revised = section(committee.get("/revision").body(), "item-" + code + "-2026-11");
    assertThat(revised).contains("Revisada después de validar.");
  }

  private static java.net.http.HttpResponse<String> post(
      FormClient browser, String code, String period, Map<String, String> cells, String action) {
    Map<String, String> form = new HashMap<>(cells);
    String page = browser.get("/datos/cuadricula?indicador=" + code + "&periodo=" + period).body();
    form.put("_csrf", FormClient.csrf(page));
    form.put("indicator", code);
    form.put("period", period);
    form.put("accion", action);
    return browser.post("/datos/cuadricula", form);
  }

  private static String saved(
      FormClient browser, String code, String period, Map<String, String> cells, boolean check) {
    var answer = post(browser, code, period, cells, "guardar");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
    String location = answer.headers().firstValue("location").orElseThrow();
    assertThat(location).doesNotContain("_csrf");
    return location;
  }

  private static int countOf(String text, String what) {
    return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
  }

  /** The HTML of the element with that id, up to the next article (empty when absent). */
  private static String section(String html, String id) {
    int start = html.indexOf("id=\"" + id + "\"");
    if (start < 0) {
      return "";
    }
    int end = html.indexOf("</article>", start);
    return html.substring(start, end < 0 ? html.length() : end);
  }
}
