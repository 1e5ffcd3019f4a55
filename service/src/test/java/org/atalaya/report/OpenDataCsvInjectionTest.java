package org.atalaya.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** datos.csv cannot attack the spreadsheet that opens it (OWASP, CSV injection). */
class OpenDataCsvInjectionTest {
  private static Observation named(String indicatorName, String area, String source) {
    return new Observation(
        "PLAN-LCH",
        "HOM-01",
        indicatorName,
        Observation.Measure.OBS,
        "LCH-01",
        area,
        "_T",
        "2025",
        -3.5,
        "por 100 000",
        null,
        null,
        null,
        null,
        null,
        null,
        "A",
        "F",
        source,
        "@SUM(A1)");
  }

  @Test
  void namesThatStartLikeFormulasAreWrittenAsText() {
    String csv =
        new String(
            OpenDataFiles.csv(
                List.of(
                    named("=HYPERLINK(\"http://evil\",\"ver\")", "+Barrio", "-cmd|' /C calc'!A0"))),
            StandardCharsets.UTF_8);

    String row = csv.lines().skip(1).findFirst().orElseThrow();
    assertThat(row)
        .startsWith(
            "PLAN-LCH,HOM-01,\"'=HYPERLINK(\"\"http://evil\"\",\"\"ver\"\")\",OBS,LCH-01,'+Barrio,_T,2025,-3.5,")
        .endsWith(",A,F,'-cmd|' /C calc'!A0,'@SUM(A1)");
    assertThat(csv.lines().findFirst().orElseThrow()).startsWith("PLAN,INDICATOR,INDICATOR_NAME,");
  }
}
