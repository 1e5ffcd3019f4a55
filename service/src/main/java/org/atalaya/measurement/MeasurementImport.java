package org.atalaya.measurement;

import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** For other features (the demo): load a CSV of measurements through the same checks. */
@Singleton
public class MeasurementImport {
  private final MeasurementIngestion ingestion;

  MeasurementImport(MeasurementIngestion ingestion) {
    this.ingestion = ingestion;
  }

  /** Returns how many rows were new; a file with any bad row is refused whole. */
  public long loadCsv(String file, String csv, String user) throws IOException {
    var source =
        new CsvRowSource(file, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    UploadReport report =
        ingestion.ingest(
            file, null, source, new MeasurementIngestion.Options(false, false, null, user));
    if (!report.committed()) {
      throw new IllegalStateException(file + " was refused: " + report.errors());
    }
    return report.inserted();
  }
}
