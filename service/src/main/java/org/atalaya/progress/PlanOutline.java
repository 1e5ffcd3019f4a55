package org.atalaya.progress;

import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.atalaya.database.NamedStatement;

/**
 * The skeleton progress rolls up along — the plan's axes and their action cards, in the plan's
 * order — in one query, without the rest of the plan document.
 */
@Singleton
class PlanOutline {
  private final DataSource dataSource;

  PlanOutline(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  record Plan(String code, String name, List<Axis> axes) {}

  record Axis(String code, String name, List<Card> cards) {}

  record Card(String code, String title) {}

  @Connectable
  Optional<Plan> of(String plan) throws SQLException {
    try (Connection c = dataSource.getConnection();
        var s =
            NamedStatement.prepare(
                c,
                """
                SELECT p.name AS plan_name, a.code AS axis, a.name AS axis_name,
                       k.code AS card, k.title AS card_title
                  FROM plan p
                  LEFT JOIN axis a ON a.plan_id = p.id
                  LEFT JOIN action_card k ON k.axis_id = a.id
                 WHERE p.code = :plan ORDER BY a.position, k.position
                """)) {
      s.setString("plan", plan);
      try (ResultSet rs = s.executeQuery()) {
        String name = null;
        List<Axis> axes = new ArrayList<>();
        while (rs.next()) {
          name = rs.getString("plan_name");
          String axis = rs.getString("axis");
          if (axis == null) {
            continue; // a plan without axes
          }
          if (axes.isEmpty() || !axes.get(axes.size() - 1).code().equals(axis)) {
            axes.add(new Axis(axis, rs.getString("axis_name"), new ArrayList<>()));
          }
          if (rs.getString("card") != null) {
            axes.get(axes.size() - 1)
                .cards()
                .add(new Card(rs.getString("card"), rs.getString("card_title")));
          }
        }
        return name == null ? Optional.empty() : Optional.of(new Plan(plan, name, axes));
      }
    }
  }
}
