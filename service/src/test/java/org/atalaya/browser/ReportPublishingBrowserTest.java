package org.atalaya.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An administrator publishes the demo plan's report from the browser (the month 2025-01, so that
 * freezing it touches no figure the other tests change), after being told to confirm; an anonymous
 * visitor finds it on "Informes y datos abiertos" and downloads its PDF, whose SHA-256 is the one
 * the page prints. The brochure's back page prints the site's reports address and a QR code that a
 * reader decodes to it.
 */
@MicronautTest(environments = "test")
@Property(name = "atalaya.public-url", value = "https://observatorio.lachorrera.example/")
@Property(name = "micronaut.http.client.read-timeout", value = "120s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPublishingBrowserTest {
  static final String PLAN = "LCH-PISCC-2025";
  static final String SITE = "https://observatorio.lachorrera.example/informes";

  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  private WebDriver browser;

  @BeforeAll
  void startBrowser() {
    browser = Chromium.start(1366, 1600);
    // Publishing renders every file (two reports, ten brochures) before the page answers.
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(300));
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void anAdministratorPublishesAndAVisitorDownloadsThePdfWithTheHashThePageShows()
      throws Exception {
    open("/entrar?volver=/informes");
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(Api.ADMIN_PASSWORD);
    submit(By.cssSelector("form[action^='/login'] button[type=submit]"));
    assertThat(text("h1")).isEqualTo("Informes y datos abiertos");

    new Select(browser.findElement(By.id("plan"))).selectByValue(PLAN);
    browser.findElement(By.id("periodo")).sendKeys("2025-01");
    submit(By.id("crear"));
    assertThat(browser.getCurrentUrl()).contains("/informes/" + PLAN + "/2025-01/1");
    assertThat(text("#aviso")).isEqualTo("Se creó el borrador (versión 1).");
    assertThat(text("#estado")).startsWith("borrador creado el");
    assertThat(browser.findElements(By.cssSelector("a[data-file]"))).hasSizeGreaterThan(5);
    // What other tests of the suite left provisional in the shared demo is validated first, as
    // the committee does before a report goes out (the page names each figure and its period).
    var pending = browser.findElements(By.cssSelector("ul.pending a[data-indicator]"));
    if (!pending.isEmpty()) {
      Api api = new Api(client);
      String committee = api.committeeToken();
      for (WebElement p : pending) {
        String path =
            "/api/indicators/"
                + p.getAttribute("data-indicator")
                + "/periods/"
                + p.getAttribute("data-period")
                + "/validation";
        var validated =
            api.call(HttpRequest.POST(path, "{}").bearerAuth(committee), java.util.Map.class);
        assertThat(validated.status()).as("%s %s", path, validated.problem()).isEqualTo(200);
      }
      browser.navigate().refresh();
    }
    assertThat(text("#sin-pendientes")).contains("validadas");

    submit(By.id("publicar"));
    assertThat(text("#confirmo-error")).contains("marque la casilla");
    assertThat(text("#estado")).startsWith("borrador");
    Chromium.shot(browser, "informe-borrador-1366");

    browser.findElement(By.id("confirmo")).click();
    submit(By.id("publicar"));
    assertThat(text("#aviso")).isEqualTo("La versión 1 quedó publicada.");
    assertThat(text("#estado")).matches("publicada el \\d{1,2} [a-z]{3}\\. \\d{4}");

    browser.manage().deleteAllCookies();
    open("/informes");
    assertThat(browser.findElements(By.cssSelector("form[action='/informes']"))).isEmpty();
    String version = "//section[.//h2[@id='informe-" + PLAN + "-2025-01']]";
    assertThat(browser.findElement(By.xpath(version + "//h2")).getText())
        .as("the month in words")
        .contains("ene. 2025");
    WebElement pdfLink =
        browser.findElement(By.xpath(version + "//a[@data-file='informe-es.pdf']"));
    assertThat(pdfLink.getText()).isEqualTo("Informe completo (español, PDF)");
    String shown =
        browser
            .findElement(By.xpath(version + "//code[@data-file='informe-es.pdf']"))
            .getText()
            .strip();
    String href = pdfLink.getAttribute("href").replaceAll("^https?://[^/]+", "");
    Chromium.shot(browser, "informes-1366");
    browser.manage().window().setSize(new Dimension(390, 1600));
    open("/informes");
    Chromium.shot(browser, "informes-390");

    byte[] pdf = client.toBlocking().retrieve(HttpRequest.GET(href), byte[].class);
    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    assertThat(sha256(pdf)).isEqualTo(shown);

    String brochureHref = href.replace("informe-es.pdf", "folleto-es-PREV.pdf");
    byte[] brochure = client.toBlocking().retrieve(HttpRequest.GET(brochureHref), byte[].class);
    try (var doc = Loader.loadPDF(brochure)) {
      assertThat(doc.getNumberOfPages()).isEqualTo(2);
      var stripper = new PDFTextStripper();
      stripper.setStartPage(2);
      stripper.setEndPage(2);
      assertThat(stripper.getText(doc)).contains(SITE);
      BufferedImage back = new PDFRenderer(doc).renderImageWithDPI(1, 150);
      ImageIO.write(
          new PDFRenderer(doc).renderImageWithDPI(1, 60),
          "png",
          Chromium.SHOTS.resolve("folleto-reverso.png").toFile());
      int[] pixels = back.getRGB(0, 0, back.getWidth(), back.getHeight(), null, 0, back.getWidth());
      var source = new RGBLuminanceSource(back.getWidth(), back.getHeight(), pixels);
      var bitmap = new BinaryBitmap(new HybridBinarizer(source));
      assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(SITE);
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** Clicks what leads to another page and waits until the browser has left this one. */
  private void submit(By what) {
    Chromium.submit(browser, what, Duration.ofSeconds(90));
  }

  private void open(String path) {
    browser.get(server.getURI().toString().replaceAll("/$", "") + path);
  }

  private String text(String css) {
    return browser.findElement(By.cssSelector(css)).getText().strip();
  }
}
