package org.atalaya.bench;

import static org.atalaya.bench.MeasurementGrid.AGE_GROUPS;
import static org.atalaya.bench.MeasurementGrid.FIRST_YEAR;
import static org.atalaya.bench.MeasurementGrid.MONTHS;
import static org.atalaya.bench.MeasurementGrid.SEXES;
import static org.atalaya.bench.MeasurementGrid.TERRITORIES;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** The ingest benchmark's rows, written once for each way of loading them. */
final class MeasurementRows {

  private MeasurementRows() {}

  /**
   * Streams the same rows to two files: the upload's CSV (codes) and COPY's CSV (ids, in the
   * table's column order). Values are pseudo-random counts from a fixed seed. Returns their sum.
   */
  static long write(GridIds ids, long rows, String recordedBy, Path csv, Path copy)
      throws IOException {
    SplittableRandom random = new SplittableRandom(20251124L);
    long written = 0;
    long sum = 0;
    try (Writer up = writer(csv);
        Writer cp = writer(copy)) {
      up.write("indicador,periodo,sexo,territorio,grupo_edad,valor\n");
      outer:
      for (int i = 0; i < MeasurementGrid.indicatorCount(rows); i++) {
        String code = MeasurementGrid.indicatorCode(i);
        long indicatorId = ids.indicators().get(code);
        long sourceId = ids.officialSource().get(indicatorId);
        for (int m = 0; m < MONTHS; m++) {
          int year = FIRST_YEAR + m / 12;
          int month = m % 12 + 1;
          String period = String.format("%04d-%02d", year, month);
          String periodStart = period + "-01";
          for (String sex : SEXES) {
            for (int t = 0; t < TERRITORIES; t++) {
              String territory = MeasurementGrid.territoryCode(t);
              long territoryId = ids.territories()[t];
              for (int a = 1; a <= AGE_GROUPS; a++) {
                if (written == rows) {
                  break outer;
                }
                int value = random.nextInt(1000);
                sum += value;
                String age = "A" + a;
                up.write(
                    code + ',' + period + ',' + sex + ',' + territory + ',' + age + ',' + value
                        + '\n');
                cp.write(
                    Long.toString(indicatorId)
                        + ','
                        + periodStart
                        + ','
                        + sex
                        + ','
                        + territoryId
                        + ','
                        + age
                        + ','
                        + sourceId
                        + ','
                        + value
                        + ','
                        + recordedBy
                        + '\n');
                written++;
              }
            }
          }
        }
      }
    }
    return sum;
  }

  private static Writer writer(Path p) throws IOException {
    return Files.newBufferedWriter(p, StandardCharsets.US_ASCII);
  }
}
