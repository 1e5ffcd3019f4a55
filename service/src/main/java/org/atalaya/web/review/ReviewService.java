package org.atalaya.web.review;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.atalaya.approval.PeriodValidation;
import org.atalaya.approval.ReviewStore;
import org.atalaya.approval.ReviewStore.PeriodRow;
import org.atalaya.audit.AuditLog;
import org.atalaya.indicator.Indicator;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.shared.Dates;
import org.atalaya.shared.Periods;
import org.atalaya.web.review.ReviewPage.CommentView;
import org.atalaya.web.review.ReviewPage.PeriodView;

/**
 * Comments and approvals per indicator and period. A period is written as people write it for the
 * indicator's frequency ({@code 2025-03}, {@code 2025-T1}, {@code 2025}); every write is audited.
 */
@Singleton
public class ReviewService {
  static final int MAX_COMMENT = 4000;

  private final IndicatorService indicators;
  private final ReviewStore store;
  private final AuditLog audit;
  private final PeriodValidation validation;

  ReviewService(
      IndicatorService indicators, ReviewStore store, AuditLog audit, PeriodValidation validation) {
    this.indicators = indicators;
    this.store = store;
    this.audit = audit;
    this.validation = validation;
  }

  @Serdeable
  record Comment(String indicator, String period, String body) {}

  /** The review of an indicator, at the period asked for or else its newest one. */
  @Transactional(readOnly = true)
  ReviewPage page(String code, @Nullable String period, boolean committee, Locale locale)
      throws SQLException {
    Indicator indicator = indicators.require(code);
    List<PeriodView> periods =
        store.periods(indicator.id()).stream().map(p -> view(indicator, p, locale)).toList();
    Optional<LocalDate> asked =
        period == null ? Optional.empty() : indicator.frequency().parse(period);
    PeriodView selected =
        asked
            .map(d -> indicator.frequency().label(d))
            .map(label -> find(periods, label).orElse(emptyPeriod(label)))
            .orElse(periods.isEmpty() ? null : periods.get(0));
    List<CommentView> comments =
        selected == null
            ? List.of()
            : store.comments(indicator.id(), parse(indicator, selected.label())).stream()
                .map(c -> new CommentView(c.author(), c.body(), format(c.at(), locale)))
                .toList();
    return new ReviewPage(
        indicator.code(),
        indicator.name(),
        periods,
        selected,
        comments,
        committee,
        List.of(),
        null);
  }

  /**
   * For the indicator page: its approved periods, newest first, each saying whether a figure
   * changed after the approval (see the {@code review/fragments :: approvals} fragment).
   */
  @Transactional(readOnly = true)
  public List<PeriodView> approvals(String code, Locale locale) throws SQLException {
    Indicator indicator = indicators.require(code);
    return store.periods(indicator.id()).stream()
        .filter(p -> p.approvedBy() != null)
        .map(p -> view(indicator, p, locale))
        .toList();
  }

  /**
   * For the indicator page: one period's review — its state, approval and comment count — whether
   * approved or not; empty when the period has no figure, comment or approval.
   */
  @Transactional(readOnly = true)
  public java.util.Optional<PeriodView> period(String code, String label, Locale locale)
      throws SQLException {
    Indicator indicator = indicators.require(code);
    return store.periods(indicator.id()).stream()
        .map(p -> view(indicator, p, locale))
        .filter(v -> v.label().equals(label))
        .findFirst();
  }

  @Transactional
  void comment(String code, String period, String author, @Nullable String body)
      throws SQLException {
    Indicator indicator = indicators.require(code);
    LocalDate start = parse(indicator, period);
    String text = body == null ? "" : body.strip();
    if (text.isEmpty() || text.length() > MAX_COMMENT) {
      throw new ReviewRefused("web.review.error.length", MAX_COMMENT);
    }
    long id = store.addComment(indicator.id(), start, author, text);
    audit.created("indicator_comment", Long.toString(id), new Comment(code, period, text));
  }

  /**
   * Only a period with figures can be approved: an approval says "these numbers are right", so it
   * validates them (docs/approval.md); the approval workflow says who may and audits it.
   */
  @Transactional
  void approve(String code, String period, Authentication auth) throws SQLException {
    Indicator indicator = indicators.require(code);
    LocalDate start = parse(indicator, period);
    String label = indicator.frequency().label(start);
    boolean hasFigures =
        store.periods(indicator.id()).stream()
            .anyMatch(p -> p.start().equals(start) && p.cells() > 0);
    if (!hasFigures) {
      throw new ReviewRefused("web.review.error.noFigures", Periods.code(label));
    }
    validation.validate(code, label, PeriodValidation.Request.whole(), auth);
  }

  private static LocalDate parse(Indicator indicator, String period) {
    return indicator
        .frequency()
        .parse(period == null ? "" : period)
        .orElseThrow(
            () ->
                new ReviewRefused(
                    "web.review.error.period",
                    indicator.frequency().label(LocalDate.of(2025, 1, 1))));
  }

  private static Optional<PeriodView> find(List<PeriodView> periods, String label) {
    return periods.stream().filter(p -> p.label().equals(label)).findFirst();
  }

  private static PeriodView emptyPeriod(String label) {
    return new PeriodView(label, 0, null, 0, null, null, false, 0, false);
  }

  private static PeriodView view(Indicator indicator, PeriodRow p, Locale locale) {
    boolean revised =
        p.approvedAt() != null && p.changed() != null && p.changed().isAfter(p.approvedAt());
    return new PeriodView(
        indicator.frequency().label(p.start()),
        p.cells(),
        format(p.changed(), locale),
        p.comments(),
        p.approvedBy(),
        format(p.approvedAt(), locale),
        revised,
        p.provisional(),
        p.published());
  }

  private static String format(@Nullable Instant at, Locale locale) {
    if (at == null) {
      return null;
    }
    return Dates.moment(at, locale);
  }
}
