package org.atalaya.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rows of cells no one stored yet are copied straight into the measurements; whatever the file
 * turns out to hold later — a repeated row, a stored cell — the upload answers as it always did.
 */
@MicronautTest(environments = "test")
@Property(name = "atalaya.upload.straight-copy", value = "true")
class StraightCopyUploadTest extends MeasurementFixture {
  private static final String HEADER = "indicador,periodo,sexo,territorio,valor\n";

  @Test
  void aRowRepeatedAfterNewCellsIsNamedWithTheRowItRepeatsAndNothingIsStored() {
    String csv =
        HEADER
            + reports
            + ",2024-01,F,LCH-01,4\n"
            + reports
            + ",2024-02,F,LCH-01,5\n"
            + reports
            + ",2024-03,F,LCH-01,6\n"
            + reports
            + ",2024-01,F,LCH-01,7\n";

    var reply = upload(csv, "");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.value())
        .containsEntry("committed", false)
        .containsEntry("rows", 4)
        .containsEntry("rejected", 1);
    assertThat((List<Map>) reply.value().get("errors"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e).containsEntry("row", 5).containsEntry("rule", "duplicateRow");
              assertThat((String) e.get("message")).contains("fila 2");
            });
    assertThat(series(reports, "sex=F&territory=LCH-01")).isEmpty();
  }

  @Test
  void newCellsFollowedByAStoredOneAreInsertedAndTheStoredOneRevised() {
    upload(HEADER + reports + ",2025-06,F,LCH-07,4\n", "");

    var reply =
        upload(
            HEADER
                + rate
                + ",2025-01,F,LCH-07,10\n"
                + rate
                + ",2025-02,F,LCH-07,12\n"
                + reports
                + ",2025-06,F,LCH-07,5\n"
                + reports
                + ",2025-07,F,LCH-07,6\n",
            "reason=Corregido");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.value())
        .containsEntry("committed", true)
        .containsEntry("inserted", 3)
        .containsEntry("revised", 1)
        .containsEntry("unchanged", 0);
    assertThat(series(rate, "sex=F&territory=LCH-07"))
        .extracting(p -> p.get("period") + "=" + p.get("value"))
        .containsExactly("2025-01=10", "2025-02=12");
    assertThat(series(reports, "sex=F&territory=LCH-07"))
        .extracting(p -> p.get("period") + "=" + p.get("value"))
        .containsExactly("2025-06=5", "2025-07=6");
  }

  @Test
  void aTotalThatItsPartsDoNotMatchIsStillWarnedAbout() {
    var reply =
        upload(
            HEADER
                + reports
                + ",2023-05,F,LCH-08,3\n"
                + reports
                + ",2023-05,M,LCH-08,4\n"
                + reports
                + ",2023-05,,LCH-08,9\n",
            "");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.value()).containsEntry("committed", true).containsEntry("inserted", 3);
    assertThat((List<Map>) reply.value().get("warnings"))
        .anySatisfy(w -> assertThat(w).containsEntry("row", 4).containsEntry("rule", "partsSex"));
  }
}
