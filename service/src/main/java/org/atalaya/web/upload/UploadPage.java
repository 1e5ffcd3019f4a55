package org.atalaya.web.upload;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import org.atalaya.measurement.UploadView;
import org.atalaya.shared.Problem;

/**
 * The measurement upload page: the form (its action carries the CSRF token, as a multipart body is
 * not read by the CSRF filter), then either the dry run's preview of the file just sent — counts,
 * every row's problems, and an id to confirm it with — or what the confirmed load did.
 *
 * @param stashId the kept file to confirm; null when there is nothing that could be stored
 * @param problems what stopped the file from being read at all (no file, a missing column, a
 *     damaged workbook), each with the file or column it is about
 * @param reason why the figures change, carried from the preview to the confirmation; required to
 *     correct published figures
 */
public record UploadPage(
    String action,
    @Nullable UploadView report,
    @Nullable String stashId,
    List<Problem.Violation> problems,
    @Nullable String reason,
    List<org.atalaya.web.entry.EntryPage.Choice> templates,
    @Nullable String done) {

  public UploadPage {
    problems = List.copyOf(problems);
    templates = List.copyOf(templates);
  }

  UploadPage(
      String action,
      @Nullable UploadView report,
      @Nullable String stashId,
      List<Problem.Violation> problems,
      @Nullable String reason) {
    this(action, report, stashId, problems, reason, List.of(), null);
  }

  /** The same page with a link to each indicator's blank CSV template. */
  UploadPage withTemplates(List<org.atalaya.web.entry.EntryPage.Choice> links) {
    return new UploadPage(action, report, stashId, problems, reason, links, done);
  }

  /** The form, saying what the confirmed load just did. */
  UploadPage withDone(String what) {
    return new UploadPage(action, report, stashId, problems, reason, templates, what);
  }

  UploadPage(
      String action,
      @Nullable UploadView report,
      @Nullable String stashId,
      List<Problem.Violation> problems) {
    this(action, report, stashId, problems, null);
  }

  static UploadPage empty(String action) {
    return new UploadPage(action, null, null, List.of());
  }

  public boolean preview() {
    return report != null && report.dryRun();
  }

  public boolean committed() {
    return report != null && report.committed();
  }

  /** Confirming stores every row: the file has no bad one. */
  public boolean canCommitAll() {
    return stashId != null && report.rejected() == 0 && report.accepted() > 0;
  }

  /** Some rows are good and some bad: the person may keep the good ones, knowingly. */
  public boolean canKeepValid() {
    return stashId != null && report.rejected() > 0 && report.accepted() > 0;
  }
}
