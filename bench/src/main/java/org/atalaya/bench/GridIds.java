package org.atalaya.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;

/** The ids COPY needs: indicators by code, their official sources, the corregimientos. */
record GridIds(Map<String, Long> indicators, Map<Long, Long> officialSource, long[] territories) {

  /** Reads them from the service's tables; fails when an indicator or territory is missing. */
  static GridIds read(DataSource database, int indicatorCount) throws SQLException {
    Map<String, Long> indicators = new HashMap<>();
    Map<Long, Long> sources = new HashMap<>();
    Map<String, Long> territoryByCode = new HashMap<>();
    try (Connection c = database.getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT id, code FROM indicator")) {
        while (rs.next()) {
          indicators.put(rs.getString(2), rs.getLong(1));
        }
      }
      try (ResultSet rs =
          s.executeQuery("SELECT id, indicator_id FROM indicator_source WHERE official")) {
        while (rs.next()) {
          sources.put(rs.getLong(2), rs.getLong(1));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT id, code FROM territory")) {
        while (rs.next()) {
          territoryByCode.put(rs.getString(2), rs.getLong(1));
        }
      }
    }
    long[] territories = new long[MeasurementGrid.TERRITORIES];
    for (int t = 0; t < MeasurementGrid.TERRITORIES; t++) {
      String code = MeasurementGrid.territoryCode(t);
      Long id = territoryByCode.get(code);
      if (id == null) {
        throw new IllegalStateException("territory " + code + " is missing");
      }
      territories[t] = id;
    }
    for (int i = 0; i < indicatorCount; i++) {
      Long id = indicators.get(MeasurementGrid.indicatorCode(i));
      if (id == null || !sources.containsKey(id)) {
        throw new IllegalStateException(
            "indicator " + MeasurementGrid.indicatorCode(i) + " or its official source is missing");
      }
    }
    return new GridIds(indicators, sources, territories);
  }
}
