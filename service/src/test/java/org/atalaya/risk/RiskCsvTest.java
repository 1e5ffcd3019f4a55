package org.atalaya.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.Optional;
import org.atalaya.shared.ApiException;
import org.junit.jupiter.api.Test;

/**
 * Reading a file of unsafe places: points generalised to the grid, addresses dropped, and each bad
 * row named by file, row and column. The district here is a box around Barrio Balboa's point.
 */
class RiskCsvTest {
  static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

  /** Inside the box: LCH-01; anywhere else: outside the district. */
  static Optional<String> balboa(double lat, double lon) {
    return lat > 8.86 && lat < 8.90 && lon > -79.80 && lon < -79.78
        ? Optional.of("LCH-01")
        : Optional.empty();
  }

  static RiskCsv.Read read(String csv) throws Exception {
    return RiskCsv.parse("lugares.csv", new StringReader(csv), RiskCsvTest::balboa, TODAY);
  }

  @Test
  void aGoodFileIsReadRoundedToTheGridWithTheAddressLeftOut() throws Exception {
    var read =
        read(
            "latitud,longitud,tipo,fuente,fecha,direccion\n"
                + "8.87814,-79.79052,parada,encuesta,2026-03-02,Calle 5 casa 12\n"
                + "8.8786,-79.7915,PARK,registro,2026-04-10,\n");

    assertThat(read.rows()).hasSize(2);
    var first = read.rows().get(0);
    assertThat(first.point()).isEqualTo(new GridPoint(8.878, -79.791));
    assertThat(first.territory()).isEqualTo("LCH-01");
    assertThat(first.kind()).isEqualTo(PlaceKind.STOP);
    assertThat(first.source()).isEqualTo(ReportSource.SURVEY);
    assertThat(read.rows().get(1).point()).isEqualTo(new GridPoint(8.879, -79.792));
    assertThat(read.dropped()).containsExactly("direccion");
  }

  @Test
  void badRowsAreNamedByRowAndColumnAndNothingIsReturned() {
    String csv =
        "latitud,longitud,tipo,fuente,fecha\n"
            + "8.878,-79.790,parque,registro,2026-01-05\n"
            + "9.300,-79.500,parque,registro,2026-01-05\n"
            + "abc,-79.790,parque,registro,2026-01-05\n"
            + "8.878,-200,parque,registro,2026-01-05\n"
            + "8.878,-79.790,casa,registro,2026-01-05\n"
            + "8.878,-79.790,parque,registro,2027-01-05\n";

    assertThatThrownBy(() -> read(csv))
        .isInstanceOfSatisfying(
            ApiException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(ApiException.FieldError::field, ApiException.FieldError::code)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("lugares.csv:3:latitud", "riskOutside"),
                        org.assertj.core.groups.Tuple.tuple("lugares.csv:4:latitud", "riskDegrees"),
                        org.assertj.core.groups.Tuple.tuple(
                            "lugares.csv:5:longitud", "riskDegrees"),
                        org.assertj.core.groups.Tuple.tuple("lugares.csv:6:tipo", "enumValue"),
                        org.assertj.core.groups.Tuple.tuple("lugares.csv:7:fecha", "riskFuture")));
  }

  @Test
  void aMissingColumnIsNamedOnTheHeaderRow() {
    assertThatThrownBy(() -> read("lat,lon,tipo,fecha\n8.878,-79.790,parque,2026-01-05\n"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(ApiException.FieldError::field)
                    .containsExactly("lugares.csv:1:fuente"));
  }
}
