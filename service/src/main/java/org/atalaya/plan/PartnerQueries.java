package org.atalaya.plan;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.atalaya.database.NamedStatement;

/**
 * The partner institutions of every action card of a plan, in one query: a plan's page used to ask
 * once per card. Ids only: the caller holds the institutions' codes already.
 */
@Singleton
class PartnerQueries {
  static final String OF_PLAN =
      """
      SELECT p.action_id, p.institution_id
        FROM action_partner p JOIN action_card c ON c.id = p.action_id
       WHERE c.plan_id = :plan
       ORDER BY p.action_id, p.position
      """;

  private final DataSource dataSource;

  PartnerQueries(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Partner institution ids by action card id, in the card's order; cards without none. */
  Map<Long, List<Long>> ofPlan(long planId) {
    Map<Long, List<Long>> partners = new HashMap<>();
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, OF_PLAN)) {
      s.setLong("plan", planId);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          partners
              .computeIfAbsent(rs.getLong("action_id"), k -> new ArrayList<>())
              .add(rs.getLong("institution_id"));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return partners;
  }
}
