package org.atalaya.survey;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The columns of a wave that one estimate needs, read straight into arrays: one weight, strata and
 * PSUs as dense codes (PSU codes unique across strata; without strata everyone is in stratum 0,
 * without PSUs every respondent is its own), sex, territory and age group, and the raw text of the
 * few variables asked for. Nothing else of the microdata leaves the database.
 */
record WaveData(
    double[] weights,
    int[] strata,
    int[] psus,
    String[] sex,
    String[] territory,
    String[] ageGroup,
    Map<String, String[]> variables) {

  int size() {
    return weights.length;
  }

  static WaveData load(DataSource dataSource, long waveId, int weight, List<String> variables)
      throws SQLException {
    var sql = new StringBuilder("SELECT weights[?], stratum, psu, sex, territory, age_group");
    variables.forEach(v -> sql.append(", answers ->> ?"));
    sql.append(" FROM survey_respondent WHERE wave_id = ? ORDER BY row_no");
    try (Connection c = dataSource.getConnection();
        var s = c.prepareStatement(sql.toString())) {
      int p = 1;
      s.setInt(p++, weight + 1);
      for (String v : variables) {
        s.setString(p++, v);
      }
      s.setLong(p, waveId);
      s.setFetchSize(10_000);
      var w = new DoubleList();
      List<String> strata = new ArrayList<>();
      List<String> psus = new ArrayList<>();
      List<String> sex = new ArrayList<>();
      List<String> territory = new ArrayList<>();
      List<String> age = new ArrayList<>();
      List<List<String>> values = new ArrayList<>();
      variables.forEach(v -> values.add(new ArrayList<>()));
      try (var r = s.executeQuery()) {
        while (r.next()) {
          w.add(r.getDouble(1));
          strata.add(r.getString(2));
          psus.add(r.getString(3));
          sex.add(r.getString(4));
          territory.add(r.getString(5));
          age.add(r.getString(6));
          for (int i = 0; i < variables.size(); i++) {
            values.get(i).add(r.getString(7 + i));
          }
        }
      }
      int n = w.size;
      int[] strataCodes = new int[n];
      int[] psuCodes = new int[n];
      Map<String, Integer> strataIndex = new HashMap<>();
      Map<String, Integer> psuIndex = new HashMap<>();
      for (int i = 0; i < n; i++) {
        String stratum = strata.get(i) == null ? "" : strata.get(i);
        strataCodes[i] = strataIndex.computeIfAbsent(stratum, k -> strataIndex.size());
        // A PSU is named within its stratum, so equal labels in two strata stay two clusters.
        String psu = psus.get(i) == null ? "#" + i : stratum + "\u0000" + psus.get(i);
        psuCodes[i] = psuIndex.computeIfAbsent(psu, k -> psuIndex.size());
      }
      Map<String, String[]> byVariable = new HashMap<>();
      for (int i = 0; i < variables.size(); i++) {
        byVariable.put(variables.get(i), values.get(i).toArray(String[]::new));
      }
      return new WaveData(
          w.toArray(),
          strataCodes,
          psuCodes,
          sex.toArray(String[]::new),
          territory.toArray(String[]::new),
          age.toArray(String[]::new),
          byVariable);
    }
  }

  private static final class DoubleList {
    private double[] values = new double[1024];
    private int size;

    void add(double v) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    double[] toArray() {
      return java.util.Arrays.copyOf(values, size);
    }
  }
}
