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
            c.prepareStatement(
                "SELECT p.name, a.code, a.name, k.code, k.title FROM plan p"
                    + " LEFT JOIN axis a ON a.plan_id = p.id"
                    + " LEFT JOIN action_card k ON k.axis_id = a.id"
                    + " WHERE p.code = ? ORDER BY a.position, k.position")) {
      s.setString(1, plan);
      try (ResultSet rs = s.executeQuery()) {
        String name = null;
        List<Axis> axes = new ArrayList<>();
        while (rs.next()) {
          name = rs.getString(1);
          String axis = rs.getString(2);
          if (axis == null) {
            continue; // a plan without axes
          }
          if (axes.isEmpty() || !axes.get(axes.size() - 1).code().equals(axis)) {
            axes.add(new Axis(axis, rs.getString(3), new ArrayList<>()));
          }
          if (rs.getString(4) != null) {
            axes.get(axes.size() - 1).cards().add(new Card(rs.getString(4), rs.getString(5)));
          }
        }
        return name == null ? Optional.empty() : Optional.of(new Plan(plan, name, axes));
      }
    }
  }
}
