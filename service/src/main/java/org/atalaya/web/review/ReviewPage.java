package org.atalaya.web.review;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * The committee's review of one indicator: its periods (newest first) with how many figures each
 * has and whether it is approved, and for the chosen period its comment thread and the forms.
 *
 * @param canApprove the person's role may validate under the configuration (the button is shown to
 *     them only; the service still checks who recorded the figures and their institution)
 * @param errors what was wrong with the comment or approval just sent, in the person's language
 * @param draft the comment just refused, given back so nothing typed is lost
 */
public record ReviewPage(
    String code,
    String name,
    List<PeriodView> periods,
    @Nullable PeriodView selected,
    List<CommentView> comments,
    boolean canApprove,
    List<String> errors,
    @Nullable String draft) {

  public ReviewPage {
    periods = List.copyOf(periods);
    comments = List.copyOf(comments);
    errors = List.copyOf(errors);
  }

  /**
   * @param revisedAfterApproval a figure of the period changed after it was approved: the approval
   *     no longer covers what is shown
   * @param provisional how many of its figures wait for validation (approving validates them)
   * @param published a report carrying the period was published
   */
  public record PeriodView(
      String label,
      long cells,
      @Nullable String changed,
      long comments,
      @Nullable String approvedBy,
      @Nullable String approvedAt,
      boolean revisedAfterApproval,
      long provisional,
      boolean published) {
    public boolean approved() {
      return approvedBy != null;
    }

    /** PROVISIONAL, VALIDATED or PUBLISHED, as the approval workflow names a period's state. */
    public String status() {
      if (provisional > 0 || cells == 0) {
        return "PROVISIONAL";
      }
      return published ? "PUBLISHED" : "VALIDATED";
    }
  }

  public record CommentView(String author, String body, String at) {}
}
