package org.atalaya.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.atalaya.testsupport.TableStats;
import org.junit.jupiter.api.Test;

/**
 * What a plan's pages cost the database when they need its indicators' definitions, counted by
 * PostgreSQL itself ({@code pg_stat_xact_user_tables}, inside the test's transaction): the plan's
 * indicators, their sources and their cards are read once for all of them, not once per indicator —
 * the signed-in plan page used to look each one up, its card and its plan, on every view.
 */
@MicronautTest(environments = "test")
class IndicatorReadsTest {
  static final String PLAN = "LCH-PISCC-2025";

  @Inject DataSource dataSource;
  @Inject IndicatorService indicators;

  @Test
  void aPlansIndicatorsAreReadOnceForAllOfThemNotOncePerIndicator() throws SQLException {
    List<String> codes = indicators.list(PLAN).stream().map(IndicatorDoc::code).toList();
    assertThat(codes).hasSizeGreaterThanOrEqualTo(5);
    long indicatorScans = TableStats.scans(dataSource, "indicator");
    long sourceScans = TableStats.scans(dataSource, "indicator_source");
    long cardScans = TableStats.scans(dataSource, "action_card");
    List<IndicatorDoc> docs = indicators.docs(codes);
    assertThat(TableStats.scans(dataSource, "indicator") - indicatorScans)
        .as("scans of indicator")
        .isLessThanOrEqualTo(1);
    assertThat(TableStats.scans(dataSource, "indicator_source") - sourceScans)
        .as("scans of indicator_source")
        .isLessThanOrEqualTo(1);
    assertThat(TableStats.scans(dataSource, "action_card") - cardScans)
        .as("scans of action_card")
        .isLessThan(codes.size());
    // The same documents as looking each one up, in the order asked.
    assertThat(docs).isEqualTo(codes.stream().map(indicators::get).toList());
    assertThat(docs.get(0).actionCard().plan()).isEqualTo(PLAN);
    assertThat(docs).allMatch(d -> !d.sources().isEmpty());
  }

  @Test
  void unknownCodesAreLeftOutAndTheOrderAskedIsKept() {
    List<IndicatorDoc> docs = indicators.docs(List.of("VD-DENUNCIAS", "NO-EXISTE", "HOM-TASA"));
    assertThat(docs).extracting(IndicatorDoc::code).containsExactly("VD-DENUNCIAS", "HOM-TASA");
  }
}
