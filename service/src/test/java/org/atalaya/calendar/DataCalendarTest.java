package org.atalaya.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atalaya.indicator.Frequency;
import org.atalaya.shared.Dates;
import org.atalaya.shared.Periods;
import org.atalaya.testsupport.Api;
import org.atalaya.testsupport.IndicatorFixtures;
import org.atalaya.web.entry.FormClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An institution owes a monthly count by corregimiento and sex and a quarterly district figure: the
 * calendar shows a month two months back as late with the parts that are missing, the current month
 * as expected, a validated quarter as validated, the completeness per month; the reminders go to
 * the institution's address through a real SMTP server in this process (GreenMail), in Spanish,
 * once a day.
 */
@MicronautTest(environments = "test")
// On a loaded 2-core CI a page here can outlast the client's default 10 s read timeout.
@Property(name = "micronaut.http.client.read-timeout", value = "180s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataCalendarTest implements TestPropertyProvider {
  private static final String SUFFIX = Long.toString(System.nanoTime(), 36).toUpperCase();
  private static final String INSTITUTION = "CAL-" + SUFFIX;
  private static final String ADDRESS = "estadistica@cal-" + SUFFIX.toLowerCase() + ".gob.pa";
  private final int smtpPort = freePort();
  private final GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));

  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  private Api api;
  private String count;
  private String quarterly;
  private final LocalDate today = LocalDate.now(Dates.ZONE);
  private final LocalDate lateMonth = today.withDayOfMonth(1).minusMonths(2);
  private final LocalDate lateQuarter = Frequency.QUARTERLY.startOf(today).minusMonths(6);

  @Override
  public Map<String, String> getProperties() {
    smtp.start();
    return Map.of(
        "atalaya.mail.host",
        "127.0.0.1",
        "atalaya.mail.port",
        Integer.toString(smtpPort),
        "atalaya.mail.from",
        "observatorio@atalaya.test",
        "atalaya.mail.recipients",
        INSTITUTION + "=" + ADDRESS);
  }

  @BeforeAll
  void owedSeries() {
    api = new Api(client);
    String analyst = api.analystToken();
    var made =
        api.call(
            HttpRequest.POST(
                    "/api/institutions",
                    Map.of(
                        "code",
                        INSTITUTION,
                        "name",
                        "Dirección de Estadística " + SUFFIX,
                        "kind",
                        "NATIONAL"))
                .bearerAuth(api.adminToken()),
            Map.class);
    assertThat(made.status()).isEqualTo(201);
    count = "CALC-" + SUFFIX;
    quarterly = "CALQ-" + SUFFIX;
    var source =
        List.of(
            Map.of(
                "code",
                "DEST",
                "name",
                "Estadística",
                "institution",
                INSTITUTION,
                "official",
                true));
    Map<String, Object> c = new HashMap<>(IndicatorFixtures.domesticViolenceReports(count));
    c.put("sources", source);
    IndicatorFixtures.create(api, analyst, c);
    Map<String, Object> q = new HashMap<>(IndicatorFixtures.streetsLit(quarterly));
    q.put("sources", source);
    IndicatorFixtures.create(api, analyst, q);

    List<Map<String, String>> rows = new ArrayList<>();
    String month = Frequency.MONTHLY.label(lateMonth);
    rows.add(
        Map.of(
            "indicator", count, "period", month, "sex", "F", "territory", "LCH-01", "value", "4"));
    rows.add(
        Map.of(
            "indicator", count, "period", month, "sex", "M", "territory", "LCH-01", "value", "2"));
    rows.add(
        Map.of(
            "indicator", count, "period", month, "sex", "F", "territory", "LCH-02", "value", "0"));
    rows.add(
        Map.of(
            "indicator",
            quarterly,
            "period",
            Frequency.QUARTERLY.label(lateQuarter),
            "value",
            "12"));
    var stored =
        api.call(HttpRequest.POST("/api/measurements", rows).bearerAuth(analyst), Map.class);
    assertThat(stored.status()).as(String.valueOf(stored.problem())).isEqualTo(200);
    IndicatorFixtures.validate(api, quarterly, Frequency.QUARTERLY.label(lateQuarter));
  }

  @AfterAll
  void stopSmtp() {
    smtp.stop();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theCalendarTellsWhatIsLateAndWhichPartsAreMissing() {
    String month = Frequency.MONTHLY.label(lateMonth);
    var json =
        api.call(
            HttpRequest.GET("/api/calendar?indicator=" + count).bearerAuth(api.analystToken()),
            Map.class);
    assertThat(json.status()).isEqualTo(200);
    List<Map<String, Object>> entries = (List<Map<String, Object>>) json.value().get("entries");
    Map<String, Object> late =
        entries.stream().filter(e -> month.equals(e.get("periodLabel"))).findFirst().orElseThrow();
    int expected = ((Number) late.get("expected")).intValue();
    assertThat(late).containsEntry("state", "LATE").containsEntry("received", 3);
    assertThat(expected).isEven().isGreaterThan(3);
    assertThat(entries.get(0)).containsEntry("state", "EXPECTED"); // this month: not due yet

    FormClient analyst = FormClient.signedIn(server.getURI(), "test-analyst", Api.STAFF_PASSWORD);
    var page = analyst.get("/datos/calendario?institucion=" + INSTITUTION);
    assertThat(page.statusCode()).isEqualTo(200);
    String row = row(page.body(), "c-" + count + "-DEST-" + month);
    assertThat(row)
        .contains("Atrasado")
        .contains("3 de " + expected)
        .contains("Faltan " + (expected - 3) + " de " + expected + " cifras:")
        .doesNotContain("Barrio Balboa"); // LCH-01 sent both sexes
    assertThat(row).containsPattern("\\(hombres\\)"); // LCH-02 sent women only
    String quarter =
        row(page.body(), "c-" + quarterly + "-DEST-" + Frequency.QUARTERLY.label(lateQuarter));
    assertThat(quarter).contains("Validado").contains("1 de 1");
    assertThat(page.body())
        .contains("Completitud por institución y mes")
        .contains("Dirección de Estadística " + SUFFIX)
        .containsPattern("id=\"menu-calendario\">Calendario<span class=\"count late-count\"");
    assertThat(analyst.get("/indicadores/" + count).body())
        .contains("id=\"faltan\"")
        .contains("el total del distrito está incompleto porque no llegaron todas sus partes");
  }

  @Test
  @SuppressWarnings("unchecked")
  void remindersAreMailedInSpanishOnceADay() throws Exception {
    var owed =
        api.call(
            HttpRequest.GET("/api/calendar?institution=" + INSTITUTION)
                .bearerAuth(api.analystToken()),
            Map.class);
    long late =
        ((List<Map<String, Object>>) owed.value().get("entries"))
            .stream().filter(e -> "LATE".equals(e.get("state"))).count();
    int before = smtp.getReceivedMessages().length;
    FormClient admin = FormClient.signedIn(server.getURI(), "admin", Api.ADMIN_PASSWORD);
    String page = admin.get("/datos/calendario").body();
    assertThat(page).contains("Enviar recordatorios ahora");
    var sent =
        admin.post("/datos/calendario/recordatorios", Map.of("_csrf", FormClient.csrf(page)));
    assertThat(sent.statusCode()).isEqualTo(303);
    String location = sent.headers().firstValue("location").orElseThrow();
    assertThat(location).doesNotContain("_csrf");
    assertThat(admin.get(location).body()).contains("Se envió un correo");

    MimeMessage[] all = smtp.getReceivedMessages();
    assertThat(all).hasSize(before + 1);
    MimeMessage mail = all[all.length - 1];
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(ADDRESS);
    assertThat(mail.getSubject())
        .isEqualTo(
            "Atalaya: "
                + (late == 1 ? "una entrega atrasada" : late + " entregas atrasadas")
                + " de Dirección de Estadística "
                + SUFFIX);
    String body = ((String) mail.getContent()).replace("\r\n", "\n");
    assertThat(body)
        .contains("Estas cifras de Dirección de Estadística " + SUFFIX)
        .contains(
            "- "
                + count
                + " — Denuncias de violencia doméstica, fuente Estadística, periodo "
                + Periods.text(Frequency.MONTHLY.label(lateMonth), Locale.forLanguageTag("es-PA"))
                + ": vencía el ")
        .contains("Faltan ")
        .contains("/datos/calendario")
        .doesNotContain(
            "periodo "
                + Periods.text(
                    Frequency.QUARTERLY.label(lateQuarter), Locale.forLanguageTag("es-PA"))
                + ":");

    var again =
        api.call(
            HttpRequest.POST("/api/calendar/reminders", Map.of()).bearerAuth(api.adminToken()),
            Map.class);
    assertThat(again.value()).containsEntry("configured", true).containsEntry("items", 0);
    assertThat(body.split("\n- ", -1)).hasSize((int) late + 1); // one line per late delivery
    assertThat(smtp.getReceivedMessages()).hasSize(before + 1);
  }

  /** The HTML of the table row with that id (empty when absent). */
  private static String row(String html, String id) {
    int start = html.indexOf("id=\"" + id + "\"");
    if (start < 0) {
      return "";
    }
    int end = html.indexOf("</tr>", start);
    return html.substring(start, end);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
