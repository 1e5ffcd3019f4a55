package org.atalaya.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.atalaya.shared.Messages;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Lays a {@link ReportModel} out as XHTML from the templates under {@code views/report}, and prints
 * that XHTML to PDF with DejaVu Sans embedded (subset), so that every accent and symbol prints the
 * same on any machine. Plain Java: the command line uses it without a web server.
 */
final class ReportRenderer {
  private static final String FONT = "DejaVu Sans";
  private static final TemplateEngine ENGINE = engine();

  private ReportRenderer() {}

  private static TemplateEngine engine() {
    var resolver = new ClassLoaderTemplateResolver(ReportRenderer.class.getClassLoader());
    resolver.setPrefix("views/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    var engine = new TemplateEngine();
    engine.setTemplateResolver(resolver);
    engine.setMessageResolver(new BundleMessages());
    return engine;
  }

  /** The whole report; {@code print} adds the page rules, running footer and PDF bookmarks. */
  static String html(ReportModel model, Locale locale, boolean print) {
    return ENGINE.process("report/report", new Context(locale, Map.of("r", model, "print", print)));
  }

  /** One axis on the front; the back page gives the site's reports page and its QR code. */
  static String brochure(
      ReportModel model, ReportModel.AxisSection axis, Locale locale, String reportsUrl) {
    var context =
        Map.<String, Object>of(
            "r", model, "a", axis, "site", reportsUrl, "qr", QrCode.dataUri(reportsUrl));
    return ENGINE.process("report/brochure", new Context(locale, context));
  }

  static byte[] pdf(String xhtml) {
    var out = new ByteArrayOutputStream(512 * 1024);
    try {
      var builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useSVGDrawer(new BatikSVGDrawer());
      builder.useFont(
          () -> font("DejaVuSans.ttf"), FONT, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
      builder.useFont(
          () -> font("DejaVuSans-Bold.ttf"), FONT, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
      builder.withHtmlContent(xhtml, null);
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static InputStream font(String name) {
    InputStream in = ReportRenderer.class.getResourceAsStream("/fonts/" + name);
    if (in == null) {
      throw new IllegalStateException("missing font " + name);
    }
    return in;
  }

  /** Template messages come from the service's own bundles, in the document's language. */
  private static final class BundleMessages implements IMessageResolver {
    @Override
    public String getName() {
      return "atalaya";
    }

    @Override
    public Integer getOrder() {
      return 0;
    }

    @Override
    public String resolveMessage(
        ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
      return Messages.format(
          context.getLocale(), key, parameters == null ? new Object[0] : parameters);
    }

    @Override
    public String createAbsentMessageRepresentation(
        ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
      return key;
    }
  }
}
