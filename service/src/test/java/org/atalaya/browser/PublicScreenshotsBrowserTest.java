package org.atalaya.browser;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Every kind of public page, as an anonymous visitor sees it on a desktop (1366 px) and on a phone
 * (390 px), and every page of the demo's 2025 report, saved under {@code target/screenshots/} for
 * whoever changes a page or the report to look at before calling it done. Each page must show its
 * heading and no unformatted message; each report page must have something printed on it.
 */
@MicronautTest(environments = "test")
@Property(name = "micronaut.http.client.read-timeout", value = "180s")
class PublicScreenshotsBrowserTest {
  static final List<String> PAGES =
      List.of(
          "inicio|/",
          "plan|/planes/LCH-PISCC-2025",
          "eje|/planes/LCH-PISCC-2025/ejes/PREV",
          "ficha|/planes/LCH-PISCC-2025/fichas/PREV-01",
          "indicador|/indicadores/VD-DENUNCIAS",
          "indicador-mujeres|/indicadores/HOM-TASA?sexo=F",
          "corregimiento|/corregimientos/LCH-03",
          "encuestas|/encuestas",
          "encuesta|/encuestas/LCH-PERCEPCION",
          "entrar|/entrar");

  @Inject EmbeddedServer server;

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  void everyPublicPageKindAtDesktopAndPhoneWidth() throws IOException {
    for (int width : new int[] {1366, 390}) {
      WebDriver browser = Chromium.start(width, 2400);
      try {
        for (String page : PAGES) {
          String name = page.substring(0, page.indexOf('|'));
          String path = page.substring(page.indexOf('|') + 1);
          browser.get(server.getURI().toString().replaceAll("/$", "") + path);
          String text = browser.findElement(By.tagName("body")).getText();
          assertThat(browser.findElements(By.tagName("h1")))
              .as("%s has a heading", path)
              .isNotEmpty();
          assertThat(text)
              .as("%s at %d px", path, width)
              .doesNotContain("{0}", ",number,", ",choice,", "??")
              .doesNotContain("Whitelabel", "Internal Server Error");
          Chromium.shot(browser, "publico-" + name + "-" + width);
        }
      } finally {
        browser.quit();
      }
    }
  }

  @Test
  void everyPageOfTheDemoReportIsRenderedForALook() throws IOException {
    Api api = new Api(client);
    String analyst = api.analystToken();
    var created =
        api.call(
            HttpRequest.POST("/api/reports", Map.of("plan", "LCH-PISCC-2025", "period", "2025"))
                .bearerAuth(analyst),
            Map.class);
    assertThat(created.status()).isIn(201, 409);
    var pdf =
        api.call(
            HttpRequest.GET("/api/reports/LCH-PISCC-2025/2025/1/informe-es.pdf")
                .bearerAuth(analyst),
            byte[].class);
    assertThat(pdf.status()).isEqualTo(200);

    Files.createDirectories(Chromium.SHOTS);
    try (var doc = Loader.loadPDF(pdf.value())) {
      PDFRenderer renderer = new PDFRenderer(doc);
      assertThat(doc.getNumberOfPages()).isGreaterThan(3);
      for (int i = 0; i < doc.getNumberOfPages(); i++) {
        BufferedImage image = renderer.renderImageWithDPI(i, 60);
        assertThat(inked(image)).as("page %d has something printed on it", i + 1).isTrue();
        ImageIO.write(
            image,
            "png",
            Chromium.SHOTS.resolve(String.format("informe-2025-p%02d.png", i + 1)).toFile());
      }
    }
  }

  /** Whether a page has at least a line's worth of dark pixels. */
  private static boolean inked(BufferedImage image) {
    int dark = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        int rgb = image.getRGB(x, y);
        int luminance = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
        dark += luminance < 128 ? 1 : 0;
      }
    }
    return dark > 50;
  }
}
