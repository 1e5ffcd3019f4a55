package org.atalaya.report;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.atalaya.approval.ReportPublication;
import org.atalaya.audit.AuditLog;
import org.atalaya.release.ReportStore;
import org.atalaya.shared.Messages;

/**
 * Draft → published. A draft is rendered from the current data each time it is read; publishing
 * renders it once more and freezes the files with their hashes, so a published report's bytes never
 * change. A correction is a new version that states its reason; the old one stays available. Only
 * validated figures are published, and their periods are marked published (docs/approval.md).
 */
@Singleton
class ReportService {
  static final ZoneId PANAMA = ZoneId.of("America/Panama");

  private final ReportStore store;
  private final FactsReader facts;
  private final AuditLog audit;
  private final ReportPublication publication;

  ReportService(
      ReportStore store, FactsReader facts, AuditLog audit, ReportPublication publication) {
    this.store = store;
    this.facts = facts;
    this.audit = audit;
    this.publication = publication;
  }

  @Serdeable
  record FileView(String name, String mediaType, @Nullable String sha256, @Nullable Long size) {}

  @Serdeable
  record ReportView(
      String plan,
      String period,
      int version,
      String status,
      @Nullable String reason,
      LocalDate asOf,
      @Nullable String createdBy,
      Instant createdAt,
      @Nullable String publishedBy,
      @Nullable Instant publishedAt,
      @Nullable String contentHash,
      List<FileView> files) {}

  @Transactional
  ReportView create(String plan, String periodText, String user) throws SQLException {
    ReportPeriod period = ReportPeriod.parse(periodText);
    facts.checkPeriod(plan, period);
    if (!store.versions(plan, period.code()).isEmpty()) {
      throw ReportProblems.exists(plan, period.code());
    }
    ReportView view = view(store.insert(plan, period.code(), period.asOf(), 1, null, user), true);
    audit.created("report", plan + "/" + period.code() + "/1", view);
    return view;
  }

  @Transactional
  ReportView newVersion(String plan, String periodText, @Nullable String reason, String user)
      throws SQLException {
    ReportPeriod period = ReportPeriod.parse(periodText);
    List<ReportStore.Release> versions = store.versions(plan, period.code());
    if (versions.isEmpty()) {
      throw ReportProblems.notFound(plan, period.code(), 1);
    }
    if (reason == null || reason.isBlank()) {
      throw ReportProblems.reason();
    }
    ReportStore.Release last = versions.get(versions.size() - 1);
    if (last.status() == ReportStore.Status.DRAFT) {
      throw ReportProblems.previousDraft(last.version());
    }
    var release =
        store.insert(plan, period.code(), period.asOf(), last.version() + 1, reason.strip(), user);
    ReportView view = view(release, true);
    audit.created("report", plan + "/" + period.code() + "/" + release.version(), view);
    return view;
  }

  /** Renders outside any lock, then freezes; a second publisher gets 409 and changes nothing. */
  @Transactional
  ReportView publish(String plan, String periodText, int version, String user) throws SQLException {
    ReportPeriod period = ReportPeriod.parse(periodText);
    ReportStore.Release release = require(plan, period.code(), version);
    if (release.status() == ReportStore.Status.PUBLISHED) {
      throw ReportProblems.alreadyPublished(version);
    }
    Instant now = Instant.now();
    ReportFacts read = facts.read(plan, period);
    List<ReportPublication.Figure> figures = figures(read);
    publication.requireValidated(figures);
    var files = ReportFiles.all(read, label(release, now));
    List<String> hashes = files.stream().map(f -> sha256(f.content())).toList();
    List<ReportStore.NewFile> frozen = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      var f = files.get(i);
      frozen.add(new ReportStore.NewFile(f.name(), f.mediaType(), hashes.get(i), f.content()));
    }
    if (!store.publish(release.id(), user, contentHash(files, hashes), frozen)) {
      throw ReportProblems.alreadyPublished(version);
    }
    publication.published(release.id(), figures);
    ReportView after = view(require(plan, period.code(), version), true);
    audit.updated(
        "report", plan + "/" + period.code() + "/" + version, summary(release, true), after);
    return after;
  }

  /** One indicator period a draft shows that nobody has validated yet: it blocks publication. */
  record Pending(String indicator, String name, String period) {}

  /** A release with its siblings and, for a draft, what blocks its publication. */
  record Detail(ReportView report, List<ReportView> versions, List<Pending> pending) {}

  @Transactional(readOnly = true)
  Detail detail(String plan, String periodText, int version, boolean staff) throws SQLException {
    ReportStore.Release r = visible(plan, periodText, version, staff);
    boolean draft = r.status() == ReportStore.Status.DRAFT;
    ReportFacts read = draft ? facts.read(plan, ReportPeriod.parse(r.period())) : null;
    ReportView report = draft ? draftView(r, staff, read) : view(r, staff);
    List<ReportView> versions = new ArrayList<>();
    for (ReportStore.Release v : store.versions(plan, r.period())) {
      if (staff || v.status() == ReportStore.Status.PUBLISHED) {
        versions.add(v.version() == version ? report : summary(v, staff));
      }
    }
    if (!draft) {
      return new Detail(report, versions, List.of());
    }
    List<Pending> pending = new ArrayList<>();
    for (var i : read.indicators()) {
      i.series().stream()
          .filter(o -> !o.validated())
          .map(o -> new Pending(i.code(), i.doc().name(), o.period()))
          .distinct()
          .forEach(pending::add);
    }
    return new Detail(report, versions, pending);
  }

  /** A sibling version without its draft's file list (which would read the facts again). */
  private ReportView summary(ReportStore.Release r, boolean staff) throws SQLException {
    return r.status() == ReportStore.Status.PUBLISHED
        ? view(r, staff)
        : new ReportView(
            r.plan(),
            r.period(),
            r.version(),
            r.status().name(),
            r.reason(),
            r.asOf(),
            staff ? r.createdBy() : null,
            r.createdAt(),
            null,
            null,
            null,
            List.of());
  }

  /** The indicator periods the report shows, for the approval workflow (docs/approval.md). */
  private static List<ReportPublication.Figure> figures(ReportFacts read) {
    return read.indicators().stream()
        .flatMap(
            i ->
                i.series().stream()
                    .map(
                        o ->
                            new ReportPublication.Figure(
                                i.code(), o.start(), o.period(), o.validated())))
        .toList();
  }

  @Transactional(readOnly = true)
  List<ReportView> list(boolean staff) throws SQLException {
    List<ReportView> out = new ArrayList<>();
    for (ReportStore.Release r : store.list(!staff)) {
      out.add(view(r, staff));
    }
    return out;
  }

  /** A draft is "not found" for the public, as a draft plan is. */
  @Transactional(readOnly = true)
  ReportView get(String plan, String periodText, int version, boolean staff) throws SQLException {
    return view(visible(plan, periodText, version, staff), staff);
  }

  record Download(String name, String mediaType, @Nullable String sha256, byte[] content) {}

  @Transactional(readOnly = true)
  Download file(String plan, String periodText, int version, String name, boolean staff)
      throws SQLException {
    if (!ReportFiles.safe(name)) {
      throw ReportProblems.fileName(name);
    }
    ReportStore.Release r = visible(plan, periodText, version, staff);
    if (r.status() == ReportStore.Status.PUBLISHED) {
      var stored = store.file(r.id(), name).orElseThrow(() -> ReportProblems.fileNotFound(name));
      return new Download(name, stored.mediaType(), stored.sha256(), stored.content());
    }
    ReportPeriod period = ReportPeriod.parse(periodText);
    var file =
        ReportFiles.one(facts.read(plan, period), name, label(r, null))
            .orElseThrow(() -> ReportProblems.fileNotFound(name));
    return new Download(name, file.mediaType(), null, file.content());
  }

  private ReportStore.Release visible(String plan, String periodText, int version, boolean staff)
      throws SQLException {
    ReportStore.Release r = require(plan, ReportPeriod.parse(periodText).code(), version);
    if (!staff && r.status() != ReportStore.Status.PUBLISHED) {
      throw ReportProblems.notFound(plan, periodText, version);
    }
    return r;
  }

  private ReportStore.Release require(String plan, String period, int version) throws SQLException {
    return store
        .find(plan, period, version)
        .orElseThrow(() -> ReportProblems.notFound(plan, period, version));
  }

  /**
   * A published release lists its frozen files; a draft the files it renders on demand (no hash or
   * size: they are made when asked for).
   */
  private ReportView view(ReportStore.Release r, boolean staff) throws SQLException {
    if (r.status() == ReportStore.Status.DRAFT) {
      return draftView(r, staff, facts.read(r.plan(), ReportPeriod.parse(r.period())));
    }
    List<FileView> files =
        store.files(r.id()).stream()
            .map(f -> new FileView(f.name(), f.mediaType(), f.sha256(), f.size()))
            .toList();
    return view(r, staff, files);
  }

  private ReportView draftView(ReportStore.Release r, boolean staff, ReportFacts read) {
    List<FileView> files =
        ReportFiles.names(read).stream()
            .map(f -> new FileView(f.name(), f.mediaType(), null, null))
            .toList();
    return view(r, staff, files);
  }

  private static ReportView view(ReportStore.Release r, boolean staff, List<FileView> files) {
    return new ReportView(
        r.plan(),
        r.period(),
        r.version(),
        r.status().name(),
        r.reason(),
        r.asOf(),
        staff ? r.createdBy() : null,
        r.createdAt(),
        staff ? r.publishedBy() : null,
        r.publishedAt(),
        r.contentHash(),
        files);
  }

  /** The cover's version line: draft, or version and publication date (and the reason). */
  static Function<Locale, String> label(ReportStore.Release r, @Nullable Instant published) {
    return locale -> {
      if (published == null) {
        return Messages.format(locale, "report.version.draft");
      }
      String day = new Figures(locale).date(LocalDate.ofInstant(published, PANAMA));
      return r.reason() == null
          ? Messages.format(locale, "report.version.published", r.version(), day)
          : Messages.format(locale, "report.version.reason", r.version(), day, r.reason());
    };
  }

  /** One hash for the whole release: every file's name and hash, in name order. */
  static String contentHash(List<ReportFiles.File> files, List<String> hashes) {
    var lines = new ArrayList<String>();
    for (int i = 0; i < files.size(); i++) {
      lines.add(files.get(i).name() + "  " + hashes.get(i) + "\n");
    }
    lines.sort(null);
    return sha256(String.join("", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
