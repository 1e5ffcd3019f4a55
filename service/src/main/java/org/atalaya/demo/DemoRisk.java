package org.atalaya.demo;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.atalaya.risk.PlaceKind;
import org.atalaya.risk.ReportSource;
import org.atalaya.risk.RiskMap;

/**
 * Illustrative reports of unsafe places for the demo's risk map: invented points near each
 * corregimiento's representative point, labelled illustrative on every page that shows them.
 */
@Singleton
class DemoRisk {
  static final String FILE = "unsafe-places.csv";

  private final RiskMap risk;

  DemoRisk(RiskMap risk) {
    this.risk = risk;
  }

  void load() throws IOException, SQLException {
    List<RiskMap.Seed> seeds = new ArrayList<>();
    try (var in = DemoRisk.class.getResourceAsStream("/demo/" + FILE);
        var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      var format = CSVFormat.DEFAULT.builder().setHeader().setCommentMarker('#').get();
      for (CSVRecord r : format.parse(reader)) {
        seeds.add(
            new RiskMap.Seed(
                r.get("corregimiento"),
                PlaceKind.parse(r.get("tipo")).orElseThrow(),
                ReportSource.parse(r.get("fuente")).orElseThrow(),
                LocalDate.parse(r.get("fecha")),
                Double.parseDouble(r.get("latitud")),
                Double.parseDouble(r.get("longitud"))));
      }
    }
    risk.seedIllustrative(FILE, seeds);
  }
}
