package org.atalaya.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.atalaya.plan.PlanDocument;
import org.atalaya.plan.PlanService;
import org.atalaya.shared.Dates;
import org.atalaya.shared.Periods;
import org.atalaya.web.NumberText;
import org.atalaya.web.Pages;

/**
 * What the report pages print, in the reader's language: each version with its files named for a
 * person ("Folleto del eje Prevención (español, PDF)"), their hashes and sizes, and dates as {@code
 * 6 dic. 2026}.
 */
@Singleton
class ReportViews {
  private static final Pattern BROCHURE = Pattern.compile("folleto-(es|en)-(.+)\\.pdf");
  private static final Pattern REPORT = Pattern.compile("informe-(es|en)\\.(pdf|html)");

  private final Pages pages;
  private final PlanService plans;

  ReportViews(Pages pages, PlanService plans) {
    this.pages = pages;
    this.plans = plans;
  }

  public record FileLink(String name, String label, String href, String size, String sha256) {}

  public record VersionRow(
      int version,
      boolean published,
      String date,
      @Nullable String reason,
      String href,
      @Nullable String contentHash,
      List<FileLink> files) {}

  public record Group(String plan, String planName, String period, List<VersionRow> versions) {}

  public record Pending(String code, String name, String period, String href) {}

  /** Reports grouped by plan and period, newest version first, as the service lists them. */
  List<Group> groups(HttpRequest<?> request, List<ReportService.ReportView> reports) {
    Map<String, List<VersionRow>> byPeriod = new LinkedHashMap<>();
    Map<String, ReportService.ReportView> first = new LinkedHashMap<>();
    Map<String, PlanDocument> docs = new LinkedHashMap<>();
    for (var r : reports) {
      String key = r.plan() + "\u0000" + r.period();
      first.putIfAbsent(key, r);
      PlanDocument doc = docs.computeIfAbsent(r.plan(), code -> plans.document(code, true));
      byPeriod.computeIfAbsent(key, k -> new ArrayList<>()).add(row(request, r, axisNames(doc)));
    }
    List<Group> out = new ArrayList<>();
    for (var e : byPeriod.entrySet()) {
      var r = first.get(e.getKey());
      out.add(new Group(r.plan(), docs.get(r.plan()).plan().name(), r.period(), e.getValue()));
    }
    return out;
  }

  /** The versions of one plan, for a report's own page. */
  List<VersionRow> rows(HttpRequest<?> request, String plan, List<ReportService.ReportView> rs) {
    Map<String, String> axes = axisNames(plans.document(plan, true));
    return rs.stream().map(r -> row(request, r, axes)).toList();
  }

  private VersionRow row(
      HttpRequest<?> request, ReportService.ReportView r, Map<String, String> axes) {
    Locale locale = pages.locale(request);
    boolean published = "PUBLISHED".equals(r.status());
    Instant when = published ? r.publishedAt() : r.createdAt();
    String date = NumberText.date(LocalDate.ofInstant(when, Dates.ZONE), locale);
    String base = "/api/reports/" + r.plan() + "/" + r.period() + "/" + r.version() + "/";
    List<FileLink> files = new ArrayList<>();
    for (var f : r.files().stream().sorted(Comparator.comparing(ReportViews::rank)).toList()) {
      files.add(
          new FileLink(
              f.name(),
              label(request, f.name(), axes, r),
              base + f.name(),
              f.size() == null ? "" : size(f.size(), locale),
              f.sha256() == null ? "" : f.sha256()));
    }
    return new VersionRow(
        r.version(),
        published,
        date,
        r.reason(),
        "/informes/" + r.plan() + "/" + r.period() + "/" + r.version(),
        r.contentHash(),
        files);
  }

  List<Pending> pending(List<ReportService.Pending> pending) {
    return pending.stream()
        .map(p -> new Pending(p.indicator(), p.name(), p.period(), "/revision/" + p.indicator()))
        .toList();
  }

  String planName(String plan) {
    return plans.document(plan, true).plan().name();
  }

  private static Map<String, String> axisNames(PlanDocument doc) {
    Map<String, String> names = new LinkedHashMap<>();
    for (var a : doc.axes()) {
      names.put(a.code(), a.name());
    }
    return names;
  }

  private String label(
      HttpRequest<?> request, String name, Map<String, String> axes, ReportService.ReportView r) {
    Matcher report = REPORT.matcher(name);
    if (report.matches()) {
      return pages.text(
          request,
          "reports.file.report",
          language(request, report.group(1)),
          report.group(2).toUpperCase(Locale.ROOT));
    }
    Matcher brochure = BROCHURE.matcher(name);
    if (brochure.matches()) {
      String axis = axes.getOrDefault(brochure.group(2), brochure.group(2));
      return pages.text(
          request, "reports.file.brochure", axis, language(request, brochure.group(1)));
    }
    // Several data files per report: each says whose figures, which ones and in what format.
    String period = Periods.text(r.period(), pages.locale(request));
    String key =
        switch (name) {
          case "datos-sdmx.csv" -> "reports.file.sdmxCsv";
          case "datos-sdmx.json" -> "reports.file.sdmxJson";
          case "estructura-sdmx.json" -> "reports.file.sdmxStructure";
          default -> name.endsWith(".csv") ? "reports.file.csv" : "reports.file.json";
        };
    return pages.text(request, key, r.plan(), period);
  }

  /** Spanish first, then English, then the open data; in each language the report first. */
  private static String rank(ReportService.FileView f) {
    String n = f.name();
    int lang =
        n.matches("(informe|folleto)-es[.-].*")
            ? 0
            : n.matches("(informe|folleto)-en[.-].*") ? 1 : 2;
    return lang + (n.startsWith("informe") ? "0" : "1") + (n.endsWith(".pdf") ? "0" : "1") + n;
  }

  private String language(HttpRequest<?> request, String lang) {
    return pages.text(request, "reports.language." + lang);
  }

  private static String size(long bytes, Locale locale) {
    return bytes < 1024 * 1024
        ? NumberText.number(bytes / 1024.0, 0, locale) + " kB"
        : NumberText.number(bytes / (1024.0 * 1024), 1, locale) + " MB";
  }
}
