package org.atalaya.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The columns of ENUSC 2023 the survey benchmark uses, as arrays. The synthetic design is written
 * with the same header, so R reads both files with one script.
 */
final class SurveyTable {
  /** The five 0/1 variables; VP_* and PAD are about the person, VH_* about the household. */
  static final List<String> VARIABLES = List.of("VP_DC", "VP_DV", "PAD", "VH_DC", "VH_DV");

  static final String HEADER =
      "enc_region,enc_rpc,Fact_Pers_Reg,Fact_Hog_Reg,VarStrat,Conglomerado,rph_sexo,"
          + String.join(",", VARIABLES);

  final int size;
  final int[] region;
  final int[] commune;
  final double[] personWeight;
  final double[] householdWeight;
  final long[] stratum;
  final long[] psu;
  final int[] sex;
  final double[][] values;

  SurveyTable(int size) {
    this.size = size;
    region = new int[size];
    commune = new int[size];
    personWeight = new double[size];
    householdWeight = new double[size];
    stratum = new long[size];
    psu = new long[size];
    sex = new int[size];
    values = new double[VARIABLES.size()][size];
  }

  static boolean household(String variable) {
    return variable.startsWith("VH_");
  }

  double[] weights(String variable) {
    return household(variable) ? householdWeight : personWeight;
  }

  static SurveyTable read(Path csv) throws IOException {
    List<String> lines;
    try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      lines = in.lines().toList();
    }
    List<String> header =
        Arrays.stream(lines.get(0).split(",")).map(h -> h.replace("\"", "")).toList();
    int[] at = new int[7 + VARIABLES.size()];
    String[] wanted = {
      "enc_region",
      "enc_rpc",
      "Fact_Pers_Reg",
      "Fact_Hog_Reg",
      "VarStrat",
      "Conglomerado",
      "rph_sexo"
    };
    for (int c = 0; c < at.length; c++) {
      String name = c < 7 ? wanted[c] : VARIABLES.get(c - 7);
      at[c] = header.indexOf(name);
      if (at[c] < 0) {
        throw new IOException(csv + " has no column " + name);
      }
    }
    SurveyTable t = new SurveyTable(lines.size() - 1);
    for (int i = 0; i < t.size; i++) {
      String[] f = lines.get(i + 1).split(",", -1);
      t.region[i] = Integer.parseInt(f[at[0]]);
      t.commune[i] = Integer.parseInt(f[at[1]]);
      t.personWeight[i] = Double.parseDouble(f[at[2]]);
      t.householdWeight[i] = Double.parseDouble(f[at[3]]);
      t.stratum[i] = Long.parseLong(f[at[4]]);
      t.psu[i] = Long.parseLong(f[at[5]]);
      t.sex[i] = Integer.parseInt(f[at[6]]);
      for (int v = 0; v < VARIABLES.size(); v++) {
        t.values[v][i] = Double.parseDouble(f[at[7 + v]]);
      }
    }
    return t;
  }

  /** Doubles as Java's shortest round-trip decimal, so that R parses the very same numbers. */
  void write(Path csv) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
      out.write(HEADER);
      out.newLine();
      StringBuilder line = new StringBuilder(128);
      for (int i = 0; i < size; i++) {
        line.setLength(0);
        line.append(region[i]).append(',').append(commune[i]).append(',');
        line.append(personWeight[i]).append(',').append(householdWeight[i]).append(',');
        line.append(stratum[i]).append(',').append(psu[i]).append(',').append(sex[i]);
        for (double[] v : values) {
          line.append(',').append((int) v[i]);
        }
        out.append(line);
        out.newLine();
      }
    }
  }
}
