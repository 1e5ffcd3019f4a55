package org.atalaya.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvWriterTest {
  private static String write(Object... cells) {
    var out = new StringBuilder();
    try (var csv = new CsvWriter(out)) {
      csv.row(cells);
    }
    return out.toString();
  }

  @Test
  void aCellThatStartsLikeAFormulaIsKeptAsText() {
    assertThat(write("=HYPERLINK(\"http://x\",\"clic\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"clic\"\")\"\n");
    assertThat(write("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0\n");
    assertThat(write("+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"))
        .isEqualTo("'+1+1,'-2+3,'@SUM(A1),'\t=1,\"'\r=1\"\n");
  }

  @Test
  void numbersAndOrdinaryTextAreWrittenAsTheyAre() {
    assertThat(write(-3.5, "-3.5", "-12", "1.5E-7", 42L, "La Chorrera", "", null))
        .isEqualTo("-3.5,-3.5,-12,1.5E-7,42,La Chorrera,,\n");
  }
}
