package org.atalaya.survey.estimate;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * ENUSC 2023 microdata (49,813 respondents) and the R survey package's figures for it, from the
 * repository's shared data folder. The design is the one INE Chile publishes with the file:
 * clusters {@code Conglomerado} within strata {@code VarStrat}, person weights {@code
 * Fact_Pers_Reg}.
 */
final class EnuscFixture {
  static final String MICRODATA = "enusc-2023.csv";
  static final String REFERENCE = "enusc-2023-reference.csv";

  final List<CSVRecord> rows;
  private final Map<String, SurveyDesign> designs = new HashMap<>();

  private EnuscFixture(List<CSVRecord> rows) {
    this.rows = rows;
  }

  private static EnuscFixture loaded;

  static synchronized EnuscFixture get() {
    if (loaded == null) {
      loaded = new EnuscFixture(read(surveysFolder().resolve(MICRODATA)));
    }
    return loaded;
  }

  /**
   * The shared folder sits beside the repository ({@code ../../shared/data/surveys} from {@code
   * service/}); walk up from the working directory rather than trust one layout.
   */
  static Path surveysFolder() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared/data/surveys");
      if (Files.isRegularFile(candidate.resolve(MICRODATA))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "shared/data/surveys/"
            + MICRODATA
            + " not found in "
            + Path.of("").toAbsolutePath()
            + " or any folder above it; the estimator is checked against it");
  }

  static List<CSVRecord> read(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.DEFAULT
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .get()
          .parse(in)
          .getRecords();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }

  /** The design with the given weight column (person or household, regional or communal). */
  synchronized SurveyDesign design(String weightColumn) {
    return designs.computeIfAbsent(weightColumn, this::build);
  }

  private SurveyDesign build(String weightColumn) {
    int size = rows.size();
    double[] weights = new double[size];
    int[] strata = new int[size];
    int[] psus = new int[size];
    Map<String, Integer> strataCodes = new HashMap<>();
    Map<String, Integer> psuCodes = new HashMap<>();
    for (int i = 0; i < size; i++) {
      CSVRecord r = rows.get(i);
      weights[i] = Double.parseDouble(r.get(weightColumn));
      strata[i] = strataCodes.computeIfAbsent(r.get("VarStrat"), k -> strataCodes.size());
      psus[i] = psuCodes.computeIfAbsent(r.get("Conglomerado"), k -> psuCodes.size());
    }
    return new SurveyDesign(weights, strata, psus);
  }

  double[] values(String column) {
    double[] y = new double[rows.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = Double.parseDouble(rows.get(i).get(column));
    }
    return y;
  }

  /** Domain codes for a column's distinct values, in order of first appearance. */
  Domains domains(String column) {
    int[] codes = new int[rows.size()];
    Map<String, Integer> byValue = new HashMap<>();
    List<String> labels = new ArrayList<>();
    for (int i = 0; i < codes.length; i++) {
      String value = rows.get(i).get(column);
      codes[i] =
          byValue.computeIfAbsent(
              value,
              k -> {
                labels.add(k);
                return labels.size() - 1;
              });
    }
    return new Domains(codes, labels, byValue);
  }

  record Domains(int[] codes, List<String> labels, Map<String, Integer> byValue) {
    int count() {
      return labels.size();
    }
  }
}
