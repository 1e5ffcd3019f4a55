package org.atalaya.execution;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.utils.SecurityService;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.atalaya.audit.AuditLog;
import org.atalaya.indicator.Frequency;
import org.atalaya.plan.PlanDocument;
import org.atalaya.plan.PlanDocument.Money;
import org.atalaya.plan.PlanService;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.Dates;
import org.atalaya.shared.Periods;

/**
 * Execution of the plan: the activities of action cards and priority projects with their planned
 * and actual dates and state, and the budget committed and executed per quarter and funding source
 * against the part's estimated budget. It alone writes {@code execution_activity} and {@code
 * execution_budget}; every change is audited and a change made meanwhile by someone else is
 * refused.
 */
@Singleton
public class Execution {
  static final String ACTIVITY = "executionActivity";
  static final String BUDGET = "executionBudget";

  private final ExecutionStore store;
  private final PlanService plans;
  private final AuditLog audit;
  private final SecurityService security;
  private final Clock clock;

  Execution(
      ExecutionStore store,
      PlanService plans,
      AuditLog audit,
      SecurityService security,
      @Nullable Clock clock) {
    this.store = store;
    this.plans = plans;
    this.audit = audit;
    this.security = security;
    this.clock = clock == null ? Clock.system(Dates.ZONE) : clock;
  }

  /** A card's or project's execution as read on its page, in the API and in the report. */
  @Serdeable
  public record Part(
      PartKind kind,
      String code,
      String name,
      @Nullable Money budget,
      @Nullable String fundingSource,
      List<Activity> activities,
      List<BudgetLine> budgetLines,
      Summary summary) {}

  /**
   * Physical progress (share of activities done, cancelled ones left out) beside the share planned
   * to be done by today, and financial progress (executed against the estimated budget).
   */
  @Serdeable
  public record Summary(
      LocalDate asOf,
      int activities,
      int done,
      int inProgress,
      int late,
      int cancelled,
      @Nullable Double physical,
      @Nullable Double expected,
      BigDecimal committed,
      BigDecimal executed,
      @Nullable Double financial) {}

  /**
   * The execution of one card or project of a plan the caller may read, as it stood at the end of
   * {@code asOf} (today when null): activities finished or started later read as not yet, spending
   * of quarters that start later is not counted.
   */
  @Transactional(readOnly = true)
  public Part part(String plan, PartKind kind, String code, boolean staff, @Nullable LocalDate asOf)
      throws SQLException {
    PlanDocument doc = plans.document(plan, staff);
    var where = new ExecutionStore.Part(plans.planId(plan, staff, false), kind, code);
    return part(doc, where, asOf);
  }

  /**
   * Every card's and project's execution at {@code asOf}, in the plan's order (the report's annex).
   */
  @Transactional(readOnly = true)
  public List<Part> all(String plan, boolean staff, LocalDate asOf) throws SQLException {
    PlanDocument doc = plans.document(plan, staff);
    long id = plans.planId(plan, staff, false);
    List<Part> out = new ArrayList<>();
    for (var axis : doc.axes()) {
      for (var card : axis.actionCards()) {
        out.add(part(doc, new ExecutionStore.Part(id, PartKind.CARD, card.code()), asOf));
      }
    }
    for (var project : doc.projects()) {
      out.add(part(doc, new ExecutionStore.Part(id, PartKind.PROJECT, project.code()), asOf));
    }
    return out;
  }

  @Transactional
  public Activity addActivity(String plan, PartKind kind, String code, ActivityForm form)
      throws SQLException {
    var where = writable(plan, kind, code);
    ExecutionRules.activity(form, LocalDate.now(clock));
    long id = store.insert(where, form, user());
    Activity saved = store.activity(where, id).orElseThrow();
    audit.created(ACTIVITY, key(plan, kind, code) + "/" + saved.position(), saved);
    return saved;
  }

  @Transactional
  public Activity changeActivity(
      String plan, PartKind kind, String code, long id, ActivityForm form) throws SQLException {
    var where = writable(plan, kind, code);
    Activity before =
        store
            .activity(where, id)
            .orElseThrow(() -> ApiException.notFound("activity", Long.toString(id)));
    ExecutionRules.activity(form, LocalDate.now(clock));
    int version = form.version() == null ? before.version() : form.version();
    if (!store.update(id, form, version, user())) {
      throw ApiException.conflict("version", "changedMeanwhile", before.name());
    }
    Activity after = store.activity(where, id).orElseThrow();
    audit.updated(ACTIVITY, key(plan, kind, code) + "/" + after.position(), before, after);
    return after;
  }

  /** Records (or corrects) a quarter's committed and executed money from one funding source. */
  @Transactional
  public BudgetLine saveBudget(String plan, PartKind kind, String code, BudgetForm form)
      throws SQLException {
    var where = writable(plan, kind, code);
    PlanDocument doc = plans.document(plan, true);
    ExecutionRules.budget(form);
    LocalDate period = period(doc, form.period());
    if (form.executed().compareTo(form.committed()) > 0) {
      throw ApiException.invalid("executed", "executedOverCommitted", form.committed());
    }
    String source = form.fundingSource().strip();
    Money budget = describe(doc, kind, code).budget();
    String currency = budget == null ? "USD" : budget.currency();
    List<BudgetLine> before = store.budget(where);
    var old =
        before.stream()
            .filter(b -> b.periodStart().equals(period) && b.fundingSource().equals(source))
            .findFirst();
    Integer version =
        form.version() != null ? form.version() : old.map(BudgetLine::version).orElse(null);
    if (!store.saveBudget(
        where, period, source, currency, form.committed(), form.executed(), version, user())) {
      throw ApiException.conflict("version", "changedMeanwhile", Frequency.QUARTERLY.label(period));
    }
    BudgetLine saved =
        store.budget(where).stream()
            .filter(b -> b.periodStart().equals(period) && b.fundingSource().equals(source))
            .findFirst()
            .orElseThrow();
    String k = key(plan, kind, code) + "/" + saved.period() + "/" + source;
    if (old.isPresent()) {
      audit.updated(BUDGET, k, old.get(), saved);
    } else {
      audit.created(BUDGET, k, saved);
    }
    return saved;
  }

  /**
   * Seeds a part's activities and budget lines once, when it has none (the demonstration, or a plan
   * brought from elsewhere with its history), with one audit entry for the part.
   */
  @Transactional
  public void seed(
      String plan,
      PartKind kind,
      String code,
      List<ActivityForm> activities,
      List<BudgetForm> budget)
      throws SQLException {
    var where = writable(plan, kind, code);
    if (!store.activities(where).isEmpty() || !store.budget(where).isEmpty()) {
      return;
    }
    PlanDocument doc = plans.document(plan, true);
    Money money = describe(doc, kind, code).budget();
    String currency = money == null ? "USD" : money.currency();
    for (ActivityForm a : activities) {
      ExecutionRules.activity(a, LocalDate.now(clock));
      store.insert(where, a, user());
    }
    for (BudgetForm b : budget) {
      ExecutionRules.budget(b);
      store.saveBudget(
          where,
          period(doc, b.period()),
          b.fundingSource().strip(),
          currency,
          b.committed(),
          b.executed(),
          null,
          user());
    }
    audit.imported(
        "execution",
        key(plan, kind, code),
        java.util.Map.of("activities", activities.size(), "budgetLines", budget.size()));
  }

  private Part part(PlanDocument doc, ExecutionStore.Part where, @Nullable LocalDate asOf)
      throws SQLException {
    LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
    Described d = describe(doc, where.kind(), where.code());
    List<Activity> activities = store.activities(where).stream().map(a -> a.on(day)).toList();
    List<BudgetLine> lines =
        store.budget(where).stream().filter(b -> !b.periodStart().isAfter(day)).toList();
    return new Part(
        where.kind(),
        where.code(),
        d.name(),
        d.budget(),
        d.fundingSource(),
        activities,
        lines,
        summary(activities, lines, d.budget(), day));
  }

  static Summary summary(
      List<Activity> activities, List<BudgetLine> lines, @Nullable Money budget, LocalDate today) {
    int done = 0;
    int running = 0;
    int late = 0;
    int cancelled = 0;
    int due = 0;
    int scheduled = 0;
    for (Activity a : activities) {
      switch (a.state()) {
        case DONE -> done++;
        case IN_PROGRESS -> running++;
        case CANCELLED -> cancelled++;
        case PLANNED -> {}
      }
      if (a.lateOn(today)) {
        late++;
      }
      if (a.state() != ActivityState.CANCELLED && a.plannedEnd() != null) {
        scheduled++;
        if (!a.plannedEnd().isAfter(today)) {
          due++;
        }
      }
    }
    int counted = activities.size() - cancelled;
    BigDecimal committed = BigDecimal.ZERO;
    BigDecimal executed = BigDecimal.ZERO;
    for (BudgetLine b : lines) {
      committed = committed.add(b.committed());
      executed = executed.add(b.executed());
    }
    Double financial =
        budget == null || budget.amount().signum() == 0
            ? null
            : executed.doubleValue() / budget.amount().doubleValue();
    return new Summary(
        today,
        activities.size(),
        done,
        running,
        late,
        cancelled,
        counted == 0 ? null : (double) done / counted,
        scheduled == 0 ? null : (double) due / counted,
        committed,
        executed,
        financial);
  }

  private record Described(String name, @Nullable Money budget, @Nullable String fundingSource) {}

  private static Described describe(PlanDocument doc, PartKind kind, String code) {
    return switch (kind) {
      case CARD ->
          doc.axes().stream()
              .flatMap(a -> a.actionCards().stream())
              .filter(c -> c.code().equals(code))
              .findFirst()
              .map(c -> new Described(c.title(), c.budget(), c.fundingSource()))
              .orElseThrow(() -> ApiException.notFound("action", code));
      case PROJECT ->
          doc.projects().stream()
              .filter(p -> p.code().equals(code))
              .findFirst()
              .map(p -> new Described(p.name(), p.budget(), p.fundingSource()))
              .orElseThrow(() -> ApiException.notFound("project", code));
    };
  }

  /** The plan's row for a part that exists, if the caller may change the plan. */
  private ExecutionStore.Part writable(String plan, PartKind kind, String code) {
    long id = plans.planId(plan, true, true);
    describe(plans.document(plan, true), kind, code);
    return new ExecutionStore.Part(id, kind, code);
  }

  private LocalDate period(PlanDocument doc, String text) {
    LocalDate start =
        Frequency.QUARTERLY
            .parse(text)
            .orElseThrow(() -> ApiException.invalid("period", "quarter", text.strip()));
    LocalDate first = Frequency.QUARTERLY.startOf(doc.plan().periodStart());
    if (start.isBefore(first) || start.isAfter(doc.plan().periodEnd())) {
      throw ApiException.invalid(
          "period",
          "outsidePlan",
          Periods.code(Frequency.QUARTERLY.label(start)),
          doc.plan().periodStart(),
          doc.plan().periodEnd());
    }
    return start;
  }

  private String user() {
    return security.username().orElse("sistema");
  }

  private static String key(String plan, PartKind kind, String code) {
    return plan + "/" + kind.slug() + "/" + code;
  }
}
