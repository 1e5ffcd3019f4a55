package org.atalaya.approval;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.atalaya.audit.AuditLog;
import org.atalaya.indicator.Indicator;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.measurement.MeasurementStatus;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.Periods;

/**
 * Validation of an indicator's figures for one period: PROVISIONAL → VALIDATED by a person the
 * configuration allows (see {@link Validators}), each cell with a revision, the period's approval
 * recorded for the review page, and one audit entry. A validator may take it back until the period
 * is published in a report. The review page's approval is this same act.
 */
@Singleton
public class PeriodValidation {
  public static final String PROVISIONAL = "PROVISIONAL";
  public static final String VALIDATED = "VALIDATED";
  private static final String ENTITY = "measurementValidation";

  private final IndicatorService indicators;
  private final ApprovalStore store;
  private final Validators validators;
  private final MeasurementStatus figures;
  private final AuditLog audit;

  PeriodValidation(
      IndicatorService indicators,
      ApprovalStore store,
      MeasurementStatus figures,
      Validators validators,
      AuditLog audit) {
    this.indicators = indicators;
    this.store = store;
    this.figures = figures;
    this.validators = validators;
    this.audit = audit;
  }

  /** Which figures of the period (all when both are empty) and why, both optional. */
  @Serdeable
  public record Request(
      @Nullable String source, @Nullable String territory, @Nullable String reason) {
    public static Request whole() {
      return new Request(null, null, null);
    }
  }

  /**
   * A period's state as people read it: PROVISIONAL while any figure waits for validation,
   * VALIDATED, or PUBLISHED when validated and in a published report ({@code publishedIn} lists
   * every report that carried it, even when a later correction made it provisional again).
   */
  @Serdeable
  public record Status(
      String indicator,
      String period,
      String status,
      long cells,
      long provisional,
      List<String> publishedIn) {}

  @Serdeable
  record Change(
      String indicator,
      String period,
      @Nullable String source,
      @Nullable String territory,
      String status,
      long cells) {}

  /** Whether the person's role could validate under the configuration (to offer the button). */
  public boolean mayValidate(@Nullable Authentication auth) {
    return validators.mayValidate(auth);
  }

  @Transactional
  public Status validate(String code, String period, Request request, Authentication auth)
      throws SQLException {
    return move(code, period, request, auth, PROVISIONAL, VALIDATED);
  }

  /** Takes a validation back: refused once the period is published. */
  @Transactional
  public Status withdraw(String code, String period, Request request, Authentication auth)
      throws SQLException {
    return move(code, period, request, auth, VALIDATED, PROVISIONAL);
  }

  @Transactional(readOnly = true)
  public Status status(String code, String period) throws SQLException {
    Indicator indicator = indicators.require(code);
    return status(indicator, parse(indicator, period));
  }

  private Status move(
      String code, String period, Request request, Authentication auth, String from, String to)
      throws SQLException {
    Indicator indicator = indicators.require(code);
    LocalDate start = parse(indicator, period);
    String label = indicator.frequency().label(start);
    var scope =
        new ApprovalStore.Scope(
            indicator.id(), start, blank(request.source()), blank(request.territory()));
    store.lock(indicator.id());
    ApprovalStore.Person person = store.person(auth.getName());
    ApprovalStore.Counts counts = store.counts(scope, from, auth.getName(), person.institutionId());
    validators.check(
        auth,
        new Validators.Stake(
            code + " " + label, counts.own(), counts.ownInstitution(), person.institution()));
    if (counts.cells() == 0) {
      throw ApiException.invalid("period", "approval.noFigures", Periods.code(label));
    }
    if (VALIDATED.equals(from)) {
      List<String> published = store.publishedIn(indicator.id(), start);
      if (!published.isEmpty()) {
        throw ApiException.conflict(
            "period",
            "approval.alreadyPublished",
            Periods.code(label),
            String.join(", ", published));
      }
      if (counts.inStatus() == 0) {
        throw ApiException.conflict("period", "approval.notValidated", Periods.code(label));
      }
    }
    Status before = status(indicator, start);
    var cells =
        new MeasurementStatus.Scope(scope.indicatorId(), start, scope.source(), scope.territory());
    long moved = figures.move(cells, from, to, auth.getName(), blank(request.reason()));
    Status after = status(indicator, start);
    if (VALIDATED.equals(to) && after.provisional() == 0) {
      store.approve(indicator.id(), start, auth.getName());
    } else if (PROVISIONAL.equals(to)) {
      store.withdrawApproval(indicator.id(), start);
    }
    audit.updated(
        ENTITY,
        code + "/" + label,
        before,
        new Change(code, label, scope.source(), scope.territory(), to, moved),
        blank(request.reason()));
    return after;
  }

  private Status status(Indicator indicator, LocalDate start) throws SQLException {
    String label = indicator.frequency().label(start);
    var whole = new ApprovalStore.Scope(indicator.id(), start, null, null);
    ApprovalStore.Counts counts = store.counts(whole, PROVISIONAL, "", null);
    List<String> published = store.publishedIn(indicator.id(), start);
    String state =
        counts.inStatus() > 0 || counts.cells() == 0
            ? PROVISIONAL
            : published.isEmpty() ? VALIDATED : "PUBLISHED";
    return new Status(indicator.code(), label, state, counts.cells(), counts.inStatus(), published);
  }

  static LocalDate parse(Indicator indicator, @Nullable String period) {
    return indicator
        .frequency()
        .parse(period == null ? "" : period)
        .orElseThrow(
            () ->
                ApiException.invalid(
                    "period",
                    "approval.period",
                    indicator.frequency().label(LocalDate.of(2025, 1, 1))));
  }

  private static String blank(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
