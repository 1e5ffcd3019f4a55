package org.atalaya.measurement;

import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.atalaya.database.ColumnValues;
import org.atalaya.database.NamedStatement;
import org.atalaya.indicator.Frequency;
import org.atalaya.indicator.IndicatorKind;
import org.atalaya.territory.Territory;
import org.atalaya.territory.TerritoryLevel;
import org.atalaya.territory.TerritoryService;

/** Reads, once per upload, what every row is checked against. */
@Singleton
class CatalogLoader {
  private final DataSource dataSource;
  private final TerritoryService territories;

  CatalogLoader(DataSource dataSource, TerritoryService territories) {
    this.dataSource = dataSource;
    this.territories = territories;
  }

  Catalog load() {
    Map<String, Long> territoryIds = new HashMap<>();
    List<Territory> all = territories.all();
    all.forEach(t -> territoryIds.put(t.code(), t.id()));
    List<Territory> districts =
        all.stream().filter(t -> t.level() == TerritoryLevel.DISTRICT).toList();
    Optional<Long> district =
        districts.size() == 1 ? Optional.of(districts.get(0).id()) : Optional.empty();
    try {
      return new Catalog(indicators(), Map.copyOf(territoryIds), district);
    } catch (SQLException e) {
      throw new IllegalStateException("The indicators an upload is checked against", e);
    }
  }

  /** One indicator's row, once per source (a row of nulls when it has none). */
  private static final String INDICATORS =
      """
      SELECT i.id, i.code, i.kind, i.frequency, i.by_sex, i.by_territory, i.by_age_group,
             p.territory_id AS district, s.id AS source_id, s.code AS source, s.official
        FROM indicator i
        LEFT JOIN action_card c ON c.id = i.action_card_id
        LEFT JOIN plan p ON p.id = c.plan_id
        LEFT JOIN indicator_source s ON s.indicator_id = i.id
       ORDER BY i.id, s.id
      """;

  /**
   * Every indicator with its sources and its plan's district, in one query: one query per indicator
   * for its sources cost an upload a round trip per indicator of the country.
   */
  private Map<String, Catalog.IndicatorInfo> indicators() throws SQLException {
    record Row(Catalog.IndicatorInfo indicator, String source, Long sourceId, boolean official) {}
    List<Row> rows;
    try (Connection c = dataSource.getConnection();
        var s = NamedStatement.prepare(c, INDICATORS)) {
      rows =
          s.list(
              r ->
                  new Row(
                      new Catalog.IndicatorInfo(
                          r.getLong("id"),
                          r.getString("code"),
                          IndicatorKind.valueOf(r.getString("kind")),
                          Frequency.valueOf(r.getString("frequency")),
                          r.getBoolean("by_sex"),
                          r.getBoolean("by_territory"),
                          r.getBoolean("by_age_group"),
                          Map.of(),
                          -1,
                          Optional.ofNullable(ColumnValues.nullableLong(r, "district"))),
                      r.getString("source"),
                      ColumnValues.nullableLong(r, "source_id"),
                      r.getBoolean("official")));
    }
    Map<String, Catalog.IndicatorInfo> first = new LinkedHashMap<>();
    Map<String, Map<String, Long>> sources = new HashMap<>();
    Map<String, Long> officials = new HashMap<>();
    for (Row row : rows) {
      String code = row.indicator().code();
      first.putIfAbsent(code, row.indicator());
      Map<String, Long> ids = sources.computeIfAbsent(code, k -> new HashMap<>());
      if (row.sourceId() != null) {
        ids.put(row.source(), row.sourceId());
        if (row.official()) {
          officials.put(code, row.sourceId());
        }
      }
    }
    Map<String, Catalog.IndicatorInfo> byCode = new HashMap<>();
    first.forEach(
        (code, i) ->
            byCode.put(
                code,
                new Catalog.IndicatorInfo(
                    i.id(),
                    code,
                    i.kind(),
                    i.frequency(),
                    i.bySex(),
                    i.byTerritory(),
                    i.byAgeGroup(),
                    Map.copyOf(sources.get(code)),
                    officials.getOrDefault(code, -1L),
                    i.district())));
    return Map.copyOf(byCode);
  }
}
