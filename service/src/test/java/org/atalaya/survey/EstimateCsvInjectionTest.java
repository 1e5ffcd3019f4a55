package org.atalaya.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.atalaya.survey.estimate.EstimateKind;
import org.junit.jupiter.api.Test;

/** The estimates CSV cannot attack the spreadsheet that opens it (OWASP, CSV injection). */
class EstimateCsvInjectionTest {
  @Test
  void valueLabelsFromTheQuestionnaireThatStartLikeFormulasAreWrittenAsText() {
    var cell =
        new EstimateTable.Cell(
            List.of(new EstimateTable.DomainCode("barrio", "B1", "=cmd|' /C calc'!A0")),
            0.25,
            0.01,
            0.2,
            0.3,
            1.1,
            0.04,
            120,
            30,
            null,
            null,
            null,
            false,
            null);
    var table =
        new EstimateTable(
            "ENC",
            "2025",
            "inseguro",
            "Inseguro",
            EstimateKind.values()[0],
            "@1",
            "+sí",
            List.of("barrio"),
            null,
            "peso",
            "ITEM",
            "",
            "",
            "",
            List.of(cell),
            "PUBLISHED");

    String row =
        EstimateCsv.write(table, Locale.forLanguageTag("es-PA"))
            .lines()
            .skip(1)
            .findFirst()
            .orElseThrow();

    assertThat(row).startsWith("B1,'=cmd|' /C calc'!A0,inseguro,'@1,");
    assertThat(row).contains(",0.25,0.01,0.2,0.3,");
  }
}
