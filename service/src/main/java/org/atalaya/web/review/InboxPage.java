package org.atalaya.web.review;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * The committee's inbox: what waits for validation, grouped by period and, inside it, by indicator,
 * each with its figures against the previous period and the same period a year before.
 *
 * @param canValidate the person's role may validate (the check boxes and buttons are shown)
 * @param done what the last validation did, in words
 * @param errors each refused indicator period and why, in the person's language
 */
public record InboxPage(
    List<Group> groups,
    long total,
    boolean canValidate,
    @Nullable String done,
    List<String> errors) {

  public InboxPage {
    groups = List.copyOf(groups);
    errors = List.copyOf(errors);
  }

  public boolean empty() {
    return groups.isEmpty();
  }

  /** One period's pending indicators; {@code all} is the confirmation link for all of them. */
  public record Group(String period, List<Item> items, String all) {
    public Group {
      items = List.copyOf(items);
    }
  }

  /**
   * @param key what the check box sends: {@code CODE|PERIOD}
   * @param revised it was approved once and a figure changed after that
   * @param unusual how many of its figures carry the unusual-value flag
   */
  public record Item(
      String key,
      String code,
      String name,
      String period,
      String previousPeriod,
      String yearBeforePeriod,
      long cells,
      long provisional,
      String changed,
      boolean revised,
      long unusual,
      List<Row> rows) {
    public Item {
      rows = List.copyOf(rows);
    }
  }

  /** One figure as read: where, who, the value and its comparisons, and the flag. */
  public record Row(
      String place,
      String sex,
      @Nullable String source,
      String value,
      @Nullable String parts,
      String previous,
      String yearBefore,
      String change,
      boolean provisional,
      boolean unusual,
      @Nullable String score) {}
}
