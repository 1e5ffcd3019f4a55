package org.atalaya.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files of a report: the report in HTML and PDF in Spanish and English, a one-page PDF brochure
 * per axis in each language, and the open data (CSV and JSON). Names are fixed patterns, so that a
 * name asked for is either one of them or refused.
 */
final class ReportFiles {
  static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("es-PA"), Locale.ENGLISH);
  static final String CSV = "datos.csv";
  static final String JSON = "datos.json";
  private static final Pattern REPORT = Pattern.compile("informe-(es|en)\\.(pdf|html)");
  private static final Pattern BROCHURE =
      Pattern.compile("folleto-(es|en)-([A-Za-z0-9_.-]{1,40})\\.pdf");

  /** What a file name may look like at all: no slash, no leading dot, no "..". */
  static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*");

  private ReportFiles() {}

  record File(String name, String mediaType, byte[] content) {}

  static boolean safe(String name) {
    return name != null && name.length() <= 100 && SAFE.matcher(name).matches();
  }

  /** Every file, in a fixed order. {@code version} labels the cover in each language. */
  static List<File> all(ReportFacts facts, Function<Locale, String> version) {
    List<File> files = new ArrayList<>();
    for (Locale locale : LANGUAGES) {
      ReportModel model = new ModelBuilder(facts, locale).build(version.apply(locale));
      String lang = locale.getLanguage();
      files.add(pdf("informe-" + lang + ".pdf", ReportRenderer.html(model, locale, true)));
      files.add(html("informe-" + lang + ".html", ReportRenderer.html(model, locale, false)));
      for (ReportModel.AxisSection axis : model.axes()) {
        files.add(
            pdf(
                "folleto-" + lang + "-" + axis.code() + ".pdf",
                ReportRenderer.brochure(model, axis, locale, facts.reportsUrl())));
      }
    }
    List<Observation> rows = OpenData.of(facts);
    files.add(new File(CSV, "text/csv; charset=utf-8", OpenDataFiles.csv(rows)));
    files.add(new File(JSON, "application/json", OpenDataFiles.json(facts, rows)));
    return files;
  }

  /** Every file's name and type, in the order of {@link #all}, without rendering any. */
  static List<File> names(ReportFacts facts) {
    List<File> files = new ArrayList<>();
    byte[] none = new byte[0];
    for (Locale locale : LANGUAGES) {
      String lang = locale.getLanguage();
      files.add(new File("informe-" + lang + ".pdf", "application/pdf", none));
      files.add(new File("informe-" + lang + ".html", "text/html; charset=utf-8", none));
      for (var axis : facts.progress().children()) {
        files.add(
            new File("folleto-" + lang + "-" + axis.code() + ".pdf", "application/pdf", none));
      }
    }
    files.add(new File(CSV, "text/csv; charset=utf-8", none));
    files.add(new File(JSON, "application/json", none));
    return files;
  }

  /** One file, rendered alone (a draft's preview); empty when no such file exists. */
  static Optional<File> one(ReportFacts facts, String name, Function<Locale, String> version) {
    if (name.equals(CSV) || name.equals(JSON)) {
      List<Observation> rows = OpenData.of(facts);
      return Optional.of(
          name.equals(CSV)
              ? new File(CSV, "text/csv; charset=utf-8", OpenDataFiles.csv(rows))
              : new File(JSON, "application/json", OpenDataFiles.json(facts, rows)));
    }
    Matcher report = REPORT.matcher(name);
    Matcher brochure = BROCHURE.matcher(name);
    String lang =
        report.matches() ? report.group(1) : brochure.matches() ? brochure.group(1) : null;
    if (lang == null) {
      return Optional.empty();
    }
    Locale locale = lang.equals("es") ? LANGUAGES.get(0) : LANGUAGES.get(1);
    ReportModel model = new ModelBuilder(facts, locale).build(version.apply(locale));
    if (report.matches()) {
      String xhtml = ReportRenderer.html(model, locale, report.group(2).equals("pdf"));
      return Optional.of(report.group(2).equals("pdf") ? pdf(name, xhtml) : html(name, xhtml));
    }
    return model.axes().stream()
        .filter(a -> a.code().equals(brochure.group(2)))
        .findFirst()
        .map(a -> pdf(name, ReportRenderer.brochure(model, a, locale, facts.reportsUrl())));
  }

  private static File pdf(String name, String xhtml) {
    return new File(name, "application/pdf", ReportRenderer.pdf(xhtml));
  }

  private static File html(String name, String xhtml) {
    return new File(name, "text/html; charset=utf-8", xhtml.getBytes(StandardCharsets.UTF_8));
  }
}
