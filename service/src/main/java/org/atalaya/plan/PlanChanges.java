package org.atalaya.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.utils.SecurityService;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.atalaya.audit.AuditLog;
import org.atalaya.plan.PlanDiff.Difference;
import org.atalaya.plan.PlanDocuments.Format;
import org.atalaya.shared.ApiException;

/**
 * Change control of a published plan. A write to a published plan runs, with every rule the write
 * has, inside a transaction that is then rolled back; the plan document it would have produced
 * becomes (or extends) the plan's one open proposal. The committee or an administrator approves the
 * proposal, and only then does it take effect, as a new version; every version stays readable.
 */
@Singleton
public class PlanChanges {
  private final PlanService plans;
  private final PlanStore store;
  private final PlanChangeRepository changes;
  private final TransactionOperations<Connection> tx;
  private final SecurityService security;
  private final AuditLog audit;

  PlanChanges(
      PlanService plans,
      PlanStore store,
      PlanChangeRepository changes,
      TransactionOperations<Connection> tx,
      SecurityService security,
      AuditLog audit) {
    this.plans = plans;
    this.store = store;
    this.changes = changes;
    this.tx = tx;
    this.security = security;
    this.audit = audit;
  }

  /** What a write did: applied at once (a plan not yet published) or proposed. */
  public record Outcome<T>(@Nullable T applied, @Nullable Change proposed) {}

  @Serdeable
  public record Change(
      long id,
      String plan,
      PlanChangeStatus status,
      long baseVersion,
      @Nullable Long resultVersion,
      String proposedBy,
      Instant proposedAt,
      @Nullable String decidedBy,
      @Nullable Instant decidedAt,
      @Nullable String reason,
      List<Difference> differences) {}

  @Serdeable
  public record Version(long version, Instant since, String approvedBy, @Nullable Long change) {}

  /** Whether writes to this plan are proposals rather than changes. */
  public boolean controlled(String planCode) {
    return tx.executeRead(s -> plans.find(planCode).isPublic());
  }

  /**
   * Runs a write: at once for a plan that is not published; otherwise as a proposal, on top of what
   * is already proposed. Any refusal of the write (validation, conflict) is thrown as is.
   */
  /** The answer to a write through the API: 202 and the proposal, or the status and the result. */
  public static <T> io.micronaut.http.HttpResponse<Object> respond(
      Outcome<T> outcome, io.micronaut.http.HttpStatus status) {
    if (outcome.proposed() != null) {
      Change c = outcome.proposed();
      return io.micronaut.http.HttpResponse.accepted(
              java.net.URI.create("/api/plans/" + c.plan() + "/changes/" + c.id()))
          .body(c);
    }
    if (status == io.micronaut.http.HttpStatus.NO_CONTENT) {
      return io.micronaut.http.HttpResponse.noContent();
    }
    return io.micronaut.http.HttpResponse.status(status).body(outcome.applied());
  }

  public <T> Outcome<T> write(String planCode, Supplier<T> write) {
    if (!controlled(planCode)) {
      return new Outcome<>(tx.executeWrite(s -> write.get()), null);
    }
    record Tried(Plan plan, PlanDocument base, PlanDocument proposed) {}
    Tried tried =
        tx.executeWrite(
            status -> {
              status.setRollbackOnly();
              return ChangeSandbox.run(
                  () -> {
                    Plan plan = plans.require(planCode);
                    PlanDocument base = store.wholeDocument(plan);
                    open(plan).ifPresent(c -> plans.importDocument(read(c.proposed()), true, true));
                    write.get();
                    return new Tried(plan, base, store.wholeDocument(plans.find(planCode)));
                  });
            });
    Change change = tx.executeWrite(s -> propose(tried.plan(), tried.base(), tried.proposed()));
    return new Outcome<>(null, change);
  }

  private Change propose(Plan plan, PlanDocument base, PlanDocument proposed) {
    Optional<PlanChange> open = open(plan);
    String user = security.username().orElse("system");
    PlanChange saved;
    if (open.isPresent()) {
      PlanChange c = open.get();
      saved =
          changes.update(
              new PlanChange(
                  c.id(),
                  c.planId(),
                  PlanChangeStatus.PROPOSED,
                  c.baseVersion(),
                  null,
                  c.base(),
                  write(proposed),
                  c.proposedBy(),
                  c.proposedAt(),
                  null,
                  null,
                  c.reason()));
      audit.updated("plan_change", key(plan, c.id()), read(c.proposed()), proposed);
    } else {
      saved =
          changes.save(
              new PlanChange(
                  null,
                  plan.id(),
                  PlanChangeStatus.PROPOSED,
                  plan.version(),
                  null,
                  write(base),
                  write(proposed),
                  user,
                  Instant.now(),
                  null,
                  null,
                  null));
      audit.created("plan_change", key(plan, saved.id()), proposed);
    }
    return view(plan, saved);
  }

  public List<Change> list(String planCode) {
    return tx.executeRead(
        s -> {
          Plan plan = plans.visible(planCode, true);
          return changes.findByPlanIdOrderByIdDesc(plan.id()).stream()
              .map(c -> view(plan, c))
              .toList();
        });
  }

  public Change get(String planCode, long id) {
    return tx.executeRead(
        s -> {
          Plan plan = plans.visible(planCode, true);
          return view(plan, row(plan, id));
        });
  }

  /** The open proposal of a plan, if any: what its editors see and build on. */
  public Optional<Change> open(String planCode) {
    return tx.executeRead(
        s -> {
          Plan plan = plans.visible(planCode, true);
          return open(plan).map(c -> view(plan, c));
        });
  }

  /** Every plan's open proposal that the caller may read, for parts not yet in any plan. */
  public List<Change> openChanges() {
    return tx.executeRead(
        s -> {
          List<Change> out = new ArrayList<>();
          for (PlanChange c : changes.findByStatusOrderById(PlanChangeStatus.PROPOSED)) {
            plans.byId(c.planId()).filter(plans::readable).ifPresent(p -> out.add(view(p, c)));
          }
          return out;
        });
  }

  /** The plan as its editors work on it: the open proposal when there is one, else the plan. */
  public PlanDocument working(String planCode) {
    return tx.executeRead(
        s -> {
          Plan plan = plans.visible(planCode, true);
          return open(plan).map(c -> read(c.proposed())).orElseGet(() -> store.wholeDocument(plan));
        });
  }

  /** The committee's or an administrator's approval: the proposal becomes the plan. */
  public Change approve(String planCode, long id, @Nullable String reason) {
    return tx.executeWrite(
        s -> {
          Plan plan = plans.visible(planCode, true);
          PlanChange c = pending(plan, id);
          if (plan.version() != c.baseVersion()) {
            throw ApiException.conflict(
                "baseVersion", "staleChange", c.baseVersion(), plan.version());
          }
          PlanDocument before = store.wholeDocument(plan);
          ChangeSandbox.run(() -> plans.importDocument(read(c.proposed()), true, true));
          Plan after = plans.find(planCode);
          PlanChange decided = decide(c, PlanChangeStatus.APPROVED, after.version(), reason);
          audit.updated("plan", planCode, before, store.wholeDocument(after), reason(id, reason));
          audit.updated(
              "plan_change",
              key(plan, id),
              PlanChangeStatus.PROPOSED,
              PlanChangeStatus.APPROVED,
              reason);
          return view(after, decided);
        });
  }

  public Change reject(String planCode, long id, @Nullable String reason) {
    return tx.executeWrite(
        s -> {
          Plan plan = plans.visible(planCode, true);
          PlanChange decided = decide(pending(plan, id), PlanChangeStatus.REJECTED, null, reason);
          audit.updated(
              "plan_change",
              key(plan, id),
              PlanChangeStatus.PROPOSED,
              PlanChangeStatus.REJECTED,
              reason);
          return view(plan, decided);
        });
  }

  /** Every version the plan has had since it was first changed under control, oldest first. */
  public List<Version> versions(String planCode) {
    return tx.executeRead(
        s -> {
          Plan plan = plans.visible(planCode, true);
          List<Version> out = new ArrayList<>();
          for (PlanChange c :
              changes.findByPlanIdAndStatusOrderById(plan.id(), PlanChangeStatus.APPROVED)) {
            if (out.isEmpty()) {
              out.add(new Version(c.baseVersion(), c.proposedAt(), c.proposedBy(), null));
            }
            out.add(new Version(c.resultVersion(), c.decidedAt(), c.decidedBy(), c.id()));
          }
          return out;
        });
  }

  public PlanDocument version(String planCode, long version) {
    return tx.executeRead(
        s -> {
          Plan plan = plans.visible(planCode, true);
          if (plan.version() == version) {
            return store.wholeDocument(plan);
          }
          for (PlanChange c :
              changes.findByPlanIdAndStatusOrderById(plan.id(), PlanChangeStatus.APPROVED)) {
            if (c.baseVersion() == version) {
              return read(c.base());
            }
            if (c.resultVersion() != null && c.resultVersion() == version) {
              return read(c.proposed());
            }
          }
          throw ApiException.notFound("planVersion", planCode + " v" + version);
        });
  }

  private PlanChange decide(
      PlanChange c, PlanChangeStatus status, @Nullable Long result, String reason) {
    return changes.update(
        new PlanChange(
            c.id(),
            c.planId(),
            status,
            c.baseVersion(),
            result,
            c.base(),
            c.proposed(),
            c.proposedBy(),
            c.proposedAt(),
            security.username().orElse("system"),
            Instant.now(),
            reason == null || reason.isBlank() ? null : reason.strip()));
  }

  private PlanChange pending(Plan plan, long id) {
    PlanChange c = row(plan, id);
    if (c.status() != PlanChangeStatus.PROPOSED) {
      throw ApiException.conflict(
          "status",
          "changeDecided",
          new org.atalaya.shared.Messages.Key("planChange." + c.status()));
    }
    return c;
  }

  private PlanChange row(Plan plan, long id) {
    return changes
        .findById(id)
        .filter(c -> c.planId().equals(plan.id()))
        .orElseThrow(() -> ApiException.notFound("planChange", String.valueOf(id)));
  }

  private Optional<PlanChange> open(Plan plan) {
    return changes.findByPlanIdAndStatus(plan.id(), PlanChangeStatus.PROPOSED);
  }

  private Change view(Plan plan, PlanChange c) {
    return new Change(
        c.id(),
        plan.code(),
        c.status(),
        c.baseVersion(),
        c.resultVersion(),
        c.proposedBy(),
        c.proposedAt(),
        c.decidedBy(),
        c.decidedAt(),
        c.reason(),
        PlanDiff.between(read(c.base()), read(c.proposed())));
  }

  private static String key(Plan plan, long id) {
    return plan.code() + "/" + id;
  }

  private static String reason(long id, @Nullable String reason) {
    return "#" + id + (reason == null || reason.isBlank() ? "" : " " + reason.strip());
  }

  private static String write(PlanDocument doc) {
    return PlanDocuments.write(doc, Format.JSON);
  }

  private static PlanDocument read(String json) {
    return PlanDocuments.read(json, Format.JSON);
  }
}
