package org.atalaya.plan;

import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.atalaya.database.NamedStatement;
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;

/**
 * Who may reach a plan. A plan with members is restricted: until it is published only its members
 * and administrators read it, and only they change it at any time. Anyone else is told the plan
 * does not exist, so that a restricted draft's code reveals nothing.
 */
@Singleton
public class PlanAccess {
  private final DataSource dataSource;
  private final SecurityService security;

  PlanAccess(DataSource dataSource, SecurityService security) {
    this.dataSource = dataSource;
    this.security = security;
  }

  /** Refuses, as "not found", a signed-in caller who may not read (or change) this plan. */
  void check(Plan plan, boolean write) {
    if (!write && plan.isPublic()) {
      return;
    }
    if (security.getAuthentication().isEmpty() || security.hasRole(Role.ADMIN_NAME)) {
      return; // the public reaches published plans only, and never writes: checked elsewhere
    }
    String user = security.username().orElse("");
    if (!allowed(plan.id(), user)) {
      throw ApiException.notFound("plan", plan.code());
    }
  }

  /** Whether a plan is visible to the caller in a list of plans (drafts included for staff). */
  boolean listed(Plan plan) {
    if (plan.isPublic()) {
      return true;
    }
    try {
      check(plan, false);
      return true;
    } catch (ApiException e) {
      return false;
    }
  }

  /** The members of a plan; none means it is open to all staff. */
  List<String> members(long planId) {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c, "SELECT username FROM plan_member WHERE plan_id = :plan ORDER BY username")) {
      return s.setLong("plan", planId).list(rs -> rs.getString("username"));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Replaces a plan's members, within the caller's transaction. */
  void replace(long planId, List<String> usernames) {
    try (Connection c = dataSource.getConnection();
        var delete = NamedStatement.prepare(c, "DELETE FROM plan_member WHERE plan_id = :plan");
        var insert =
            NamedStatement.prepare(
                c, "INSERT INTO plan_member (plan_id, username) VALUES (:plan, :username)")) {
      delete.setLong("plan", planId).executeUpdate();
      for (String username : usernames) {
        insert.setLong("plan", planId).setString("username", username).addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Which of these usernames have an account. */
  java.util.Set<String> existing(List<String> usernames) {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c, "SELECT username FROM app_user WHERE username = ANY (:usernames)")) {
      s.setArray(
          "usernames", "varchar", usernames.stream().filter(java.util.Objects::nonNull).toArray());
      return new java.util.HashSet<>(s.list(rs -> rs.getString("username")));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A member, or any staff where the plan has no members. */
  private boolean allowed(long planId, String user) {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                """
                SELECT NOT EXISTS (SELECT 1 FROM plan_member WHERE plan_id = :plan)
                    OR EXISTS (SELECT 1 FROM plan_member WHERE plan_id = :plan
                                                          AND username = :user) AS allowed
                """)) {
      s.setLong("plan", planId).setString("user", user);
      return s.first(rs -> rs.getBoolean("allowed")).orElse(false);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
