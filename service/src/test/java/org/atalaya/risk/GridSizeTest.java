package org.atalaya.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.atalaya.territory.BoundaryShape;
import org.junit.jupiter.api.Test;

/**
 * The public grid's cell follows the district's extent: at most 24 cells across its widest side.
 */
class GridSizeTest {

  /** A square district of {@code km} a side at Panama's latitude (9° N). */
  private static List<BoundaryShape> square(double km) {
    double lat = km * 1000 / 111_320;
    double lon = lat / Math.cos(Math.toRadians(9 + lat / 2));
    List<double[]> ring =
        List.of(
            new double[] {-79.8, 9},
            new double[] {-79.8 + lon, 9},
            new double[] {-79.8 + lon, 9 + lat},
            new double[] {-79.8, 9 + lat},
            new double[] {-79.8, 9});
    return List.of(new BoundaryShape("X", "X", List.of(ring), "prueba", true));
  }

  @Test
  void theCellIsTheSmallestStepThatPutsAtMostTwentyFourAcross() {
    assertThat(GridSize.of(square(5)).metres()).isEqualTo(500); // 10 cells across
    assertThat(GridSize.of(square(13)).metres()).isEqualTo(1000); // 26 of 500 m would be too many
    assertThat(GridSize.of(square(25)).metres()).isEqualTo(2000); // 25 of 1 km would be too many
    assertThat(GridSize.of(square(60)).metres()).isEqualTo(5000); // 30 of 2 km would be too many
    assertThat(GridSize.of(square(400)).metres()).isEqualTo(10000); // the largest step
    assertThat(GridSize.of(List.of()).metres()).isEqualTo(500); // no outlines
  }

  @Test
  void aSideIsExactInDegreesAndReadsInWords() {
    assertThat(GridSize.of(2000).degrees()).isEqualByComparingTo("0.018");
    assertThat(GridSize.of(500).degrees()).isEqualByComparingTo("0.0045");
    assertThat(GridSize.words(500)).isEqualTo("500\u00a0m");
    assertThat(GridSize.words(2000)).isEqualTo("2\u00a0km");
  }
}
