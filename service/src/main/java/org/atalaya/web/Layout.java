package org.atalaya.web;

import io.micronaut.core.annotation.Nullable;

/**
 * What the layout fragments need on every page: the page's language and the other one (for the
 * switch), the current path (to come back to after switching or logging in), who is signed in and
 * the CSRF token for the forms on the page; {@code pending} is what waits for the committee's
 * validation (shown beside the inbox in its menu, zero for others); {@code late} the deliveries
 * late for the person (beside the data calendar).
 */
public record Layout(
    String lang,
    String otherLang,
    String path,
    @Nullable String user,
    @Nullable String role,
    String csrf,
    long pending,
    Rules rules,
    long late) {

  /**
   * The thresholds the legend states: margins of the statuses in percentage points, the largest
   * withheld count, and the "pocos casos" rule: the fewest events a rate is judged from and the
   * largest coefficient of variation (percent).
   */
  public record Rules(
      String onTrackPoints,
      String atRiskPoints,
      int withheldUpTo,
      int smallNumbersEvents,
      String smallNumbersCv) {}

  /** The same page as the public gets it: nobody signed in (for a preview). */
  public Layout asPublic() {
    return new Layout(lang, otherLang, path, null, null, csrf, 0, rules, 0);
  }

  public boolean signedIn() {
    return user != null;
  }

  /** Analysts and administrators enter data. */
  public boolean analyst() {
    return "ANALYST".equals(role) || "ADMIN".equals(role);
  }

  public boolean committee() {
    return "COMMITTEE".equals(role) || "ADMIN".equals(role);
  }

  public boolean admin() {
    return "ADMIN".equals(role);
  }
}
