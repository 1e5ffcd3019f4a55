package org.atalaya.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.atalaya.shared.Messages;
import org.junit.jupiter.api.Test;

/**
 * A boundary file in RFC 7946's format, with a MultiPolygon that has a lagoon and an islet: its dry
 * run names what matched and how, stores nothing, and its import stores outlines that keep their
 * pieces and holes. A bad file names each bad feature and what is wrong, and stores nothing.
 */
@MicronautTest(environments = "test")
class BoundaryImportTest {
  @Inject BoundaryService boundaries;
  @Inject TerritoryRepository territories;

  private Territory unit(String code, String name, TerritoryLevel level, Long parent, String inec) {
    return territories
        .findByCode(code)
        .orElseGet(
            () ->
                territories.save(new Territory(null, code, name, level, parent, inec, null, null)));
  }

  private static byte[] fixture(String name) throws IOException {
    try (InputStream in = BoundaryImportTest.class.getResourceAsStream("/geo/" + name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void aMultiPolygonWithALagoonAndAnIsletImportsAfterADryRunThatStoresNothing() throws IOException {
    Territory district =
        unit("MAPT-D1", "Distrito de Prueba Mapas", TerritoryLevel.DISTRICT, null, null);
    unit("MAPT-01", "Isla Grande", TerritoryLevel.CORREGIMIENTO, district.id(), "MT0101");
    unit("MAPT-02", "Llano Verde", TerritoryLevel.CORREGIMIENTO, district.id(), null);
    unit("MAPT-03", "Cerro Azul de Prueba", TerritoryLevel.CORREGIMIENTO, district.id(), null);

    BoundaryMatch dry =
        boundaries.dryRun("islas.geojson", fixture("islands.geojson"), Messages.DEFAULT);

    assertThat(dry.refused()).isNull();
    assertThat(dry.invalid()).isEmpty();
    assertThat(dry.unmatched()).isEmpty();
    assertThat(dry.matched())
        .extracting(m -> m.name() + " → " + m.territory() + " por " + m.by())
        .containsExactly(
            "Isla Grande → MAPT-01 por código oficial",
            "Llano Verde (otro nombre) → MAPT-02 por código",
            "Cerro Azul de Prueba → MAPT-03 por nombre");
    assertThat(boundaries.childrenOf("MAPT-D1")).as("a dry run stores nothing").isEmpty();

    BoundaryMatch done =
        boundaries.importFile(
            "islas.geojson",
            fixture("islands.geojson"),
            "INEC (prueba)",
            false,
            "test",
            Messages.DEFAULT);

    assertThat(done.importable()).isTrue();
    List<BoundaryShape> shapes = boundaries.childrenOf("MAPT-D1");
    assertThat(shapes)
        .extracting(BoundaryShape::code)
        .containsExactly("MAPT-01", "MAPT-02", "MAPT-03");
    // Mainland, its lagoon and the islet; a field with its hole; a plain square.
    assertThat(shapes).extracting(s -> s.rings().size()).containsExactly(3, 2, 1);
    assertThat(shapes).allSatisfy(s -> assertThat(s.illustrative()).isFalse());
    assertThat(shapes.get(0).source()).isEqualTo("INEC (prueba)");
  }

  @Test
  void aBadFileNamesEachBadFeatureAndWhatIsWrongAndStoresNothing() throws IOException {
    Territory district = unit("MAPT-D2", "Distrito Malo", TerritoryLevel.DISTRICT, null, null);
    unit("MAPT-21", "Bien Hecho", TerritoryLevel.CORREGIMIENTO, district.id(), "MT0201");
    unit("MAPT-22", "En Metros", TerritoryLevel.CORREGIMIENTO, district.id(), "MT0202");
    unit("MAPT-23", "Corbatín", TerritoryLevel.CORREGIMIENTO, district.id(), "MT0203");
    unit("MAPT-24", "Sin Forma", TerritoryLevel.CORREGIMIENTO, district.id(), "MT0204");

    BoundaryMatch result =
        boundaries.importFile(
            "malo.geojson", fixture("bad.geojson"), "prueba", false, "test", Messages.DEFAULT);

    assertThat(result.importable()).isFalse();
    assertThat(result.matched())
        .extracting(BoundaryMatch.Matched::name)
        .containsExactly("Bien Hecho");
    assertThat(result.unmatched())
        .extracting(BoundaryMatch.Unmatched::name)
        .containsExactly("Lugar Ajeno");
    assertThat(result.invalid())
        .extracting(r -> r.feature() + " " + r.name() + ": " + r.problem())
        .satisfiesExactly(
            p ->
                assertThat(p)
                    .startsWith("2 En Metros: coordenadas fuera de los rangos de WGS84")
                    .contains("otra proyección"),
            p -> assertThat(p).startsWith("3 Corbatín: el contorno se corta a sí mismo cerca de"),
            p -> assertThat(p).isEqualTo("4 Sin Forma: geometría vacía."));
    assertThat(boundaries.childrenOf("MAPT-D2")).as("nothing stored").isEmpty();
  }

  @Test
  void aFileInAnotherProjectionOrTooBigIsRefusedAsAWhole() {
    String projected =
        """
        {"type": "FeatureCollection",
         "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32617"}},
         "features": []}""";
    var refused =
        catchThrowableOfType(
            () -> GeoJsonReader.read(projected.getBytes(StandardCharsets.UTF_8)),
            GeoJsonReader.Refused.class);
    assertThat(
            Messages.format(
                Messages.DEFAULT, refused.problem.key(), refused.problem.args().toArray()))
        .contains("EPSG::32617")
        .contains("WGS84");

    BoundaryMatch big =
        boundaries.dryRun("grande.geojson", new byte[50 * 1024 * 1024], Messages.DEFAULT);
    assertThat(big.refused()).startsWith("El archivo pesa 50 MB; el máximo es 20 MB");
  }
}
