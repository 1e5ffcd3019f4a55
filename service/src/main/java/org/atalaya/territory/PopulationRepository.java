package org.atalaya.territory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface PopulationRepository extends GenericRepository<Territory, Long> {
  @Query(
      """
      SELECT year, sex, population, source, illustrative FROM territory_population
      WHERE territory_id = :territoryId ORDER BY year, sex
      """)
  List<PopulationEntry> findByTerritory(Long territoryId);

  @Query(
      """
      INSERT INTO territory_population (territory_id, year, sex, population, source, illustrative)
      VALUES (:territoryId, :year, :sex, :population, :source, :illustrative)
      ON CONFLICT (territory_id, year, sex) DO UPDATE
      SET population = EXCLUDED.population, source = EXCLUDED.source,
          illustrative = EXCLUDED.illustrative
      """)
  void upsert(
      Long territoryId,
      int year,
      String sex,
      long population,
      @Nullable String source,
      boolean illustrative);
}
