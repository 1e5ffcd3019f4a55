package org.atalaya.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.ApiException.FieldError;
import org.atalaya.territory.CensusCsv.Row;
import org.junit.jupiter.api.Test;

class CensusCsvTest {
  private static final String FILE = "censo.csv";
  private static final Map<String, Long> TERRITORIES = Map.of("SV-01", 1L, "SV-02", 2L);

  private static List<Row> parse(String csv) throws IOException {
    return CensusCsv.parse(
        FILE, new StringReader(csv), code -> Optional.ofNullable(TERRITORIES.get(code)));
  }

  /** Each problem as "file:row:column code [args]", the way the user reads it in the answer. */
  private static List<String> problems(String csv) {
    Throwable thrown = catchThrowable(() -> parse(csv));
    assertThat(thrown).as("the file should be rejected").isInstanceOf(ApiException.class);
    var e = (ApiException) thrown;
    assertThat(e.status().getCode()).isEqualTo(422);
    return e.fieldErrors().stream().map(CensusCsvTest::describe).toList();
  }

  private static String describe(FieldError error) {
    return error.field() + " " + error.code() + " " + Arrays.toString(error.args());
  }

  @Test
  void wideLayoutWithSpanishHeadersGivesOneRowPerSex() throws IOException {
    var rows =
        parse(
            """
            Territorio,Año,Hombres,Mujeres,Total,Fuente
            SV-01,2024,100,120,220,Censo 2024
            SV-02,2024,50,60,,
            """);

    assertThat(rows)
        .containsExactly(
            new Row(1, 2024, "M", 100, "Censo 2024"),
            new Row(1, 2024, "F", 120, "Censo 2024"),
            new Row(2, 2024, "M", 50, null),
            new Row(2, 2024, "F", 60, null));
  }

  @Test
  void headersIgnoreAccentsCaseAndSurroundingSpaces() throws IOException {
    var rows = parse(" TERRITORIO , AÑO , SEXO , Población \nSV-01,2020,F,10\n");

    assertThat(rows).containsExactly(new Row(1, 2020, "F", 10, null));
  }

  @Test
  void longLayoutAcceptsSexCodesAndWords() throws IOException {
    var rows =
        parse(
            """
            territorio,anio,sexo,poblacion
            SV-01,2020,F,10
            SV-01,2020,M,9
            SV-02,2020,Mujeres,7
            SV-02,2020,hombres,6
            """);

    assertThat(rows)
        .containsExactly(
            new Row(1, 2020, "F", 10, null),
            new Row(1, 2020, "M", 9, null),
            new Row(2, 2020, "F", 7, null),
            new Row(2, 2020, "M", 6, null));
  }

  @Test
  void englishHeadersWorkInBothLayouts() throws IOException {
    assertThat(parse("Territory,Year,Men,Women,Source\nSV-01,2021,5,6,INE\n"))
        .containsExactly(new Row(1, 2021, "M", 5, "INE"), new Row(1, 2021, "F", 6, "INE"));
    assertThat(parse("code,year,sex,population\nSV-02,2021,female,8\nSV-02,2021,Male,3\n"))
        .containsExactly(new Row(2, 2021, "F", 8, null), new Row(2, 2021, "M", 3, null));
  }

  @Test
  void thousandsSeparatorsAreRead() throws IOException {
    for (String count : List.of("12345", "12 345", "\"12,345\"", "12.345", "12\u00a0345")) {
      var rows = parse("territorio,anio,sexo,poblacion\nSV-01,2020,F," + count + "\n");

      assertThat(rows).as(count).containsExactly(new Row(1, 2020, "F", 12345, null));
    }
  }

  @Test
  void severalGroupsOfThousandsAreRead() throws IOException {
    var rows = parse("territorio,anio,sexo,poblacion\nSV-01,2020,F,1.234.567\n");

    assertThat(rows).extracting(Row::population).containsExactly(1_234_567L);
  }

  @Test
  void aDecimalCommaIsNoCount() {
    assertThat(problems("territorio,anio,sexo,poblacion\nSV-01,2020,F,\"12,5\"\n"))
        .containsExactly("censo.csv:2:poblacion censusNumber [12,5]");
  }

  @Test
  void aTotalThatIsNotMenPlusWomenIsReportedAtTheTotalColumn() {
    assertThat(
            problems(
                """
                Territorio,Año,Hombres,Mujeres,Total
                SV-01,2024,100,120,220
                SV-02,2024,100,120,200
                """))
        .containsExactly("censo.csv:3:Total censusTotal [200, 220]");
  }

  @Test
  void anUnknownTerritoryIsReported() {
    assertThat(problems("territorio,anio,sexo,poblacion\nSV-01,2020,F,1\nXX-99,2020,F,1\n"))
        .containsExactly("censo.csv:3:territorio unknownTerritory [XX-99]");
  }

  @Test
  void aYearOutsideTheCensusRangeOrNotANumberIsReported() {
    for (String year : List.of("1850", "dos mil", "2024.5", "3000")) {
      assertThat(problems("territorio,Año,sexo,poblacion\nSV-01," + year + ",F,1\n"))
          .as(year)
          .containsExactly("censo.csv:2:Año censusYear [" + year + "]");
    }
  }

  @Test
  void aNegativeOrNonNumericCountIsReported() {
    for (String count : List.of("-5", "muchos", "1e3")) {
      assertThat(problems("territorio,anio,hombres,mujeres\nSV-01,2020,4," + count + "\n"))
          .as(count)
          .containsExactly("censo.csv:2:mujeres censusNumber [" + count + "]");
    }
  }

  @Test
  void aMissingCountIsReported() {
    assertThat(problems("territorio,anio,sexo,poblacion\nSV-01,2020,F,\n"))
        .containsExactly("censo.csv:2:poblacion censusNumber []");
  }

  @Test
  void anUnknownSexIsReported() {
    assertThat(problems("territorio,anio,Sexo,poblacion\nSV-01,2020,X,1\n"))
        .containsExactly("censo.csv:2:Sexo censusSex [X]");
  }

  @Test
  void aRepeatedTerritoryYearAndSexIsReportedWithTheFirstRow() {
    assertThat(
            problems(
                """
                territorio,anio,sexo,poblacion
                SV-01,2020,F,10
                SV-01,2021,F,10
                SV-01,2020,Mujeres,11
                """))
        .containsExactly("censo.csv:4:territorio censusDuplicate [2]");
  }

  @Test
  void everyProblemInTheFileIsReportedNotJustTheFirst() {
    assertThat(
            problems(
                """
                territorio,anio,sexo,poblacion
                XX-99,2020,F,10
                SV-01,1850,M,10
                SV-01,2020,?,10
                SV-02,dos mil,F,-1
                SV-02,2020,F,7
                """))
        .containsExactly(
            "censo.csv:2:territorio unknownTerritory [XX-99]",
            "censo.csv:3:anio censusYear [1850]",
            "censo.csv:4:sexo censusSex [?]",
            "censo.csv:5:anio censusYear [dos mil]",
            "censo.csv:5:poblacion censusNumber [-1]");
  }

  @Test
  void aMissingRequiredColumnIsNamed() {
    assertThat(problems("territorio,anio,poblacion\nSV-01,2020,10\n"))
        .containsExactly("censo.csv:1:sexo censusHeader [sexo]");
    assertThat(problems("territorio,hombres\nSV-01,10\n"))
        .containsExactly(
            "censo.csv:1:anio censusHeader [anio]", "censo.csv:1:mujeres censusHeader [mujeres]");
  }

  @Test
  void aFileWithOnlyAHeaderIsEmpty() {
    assertThat(problems("territorio,anio,sexo,poblacion\n"))
        .containsExactly("censo.csv:2 censusEmpty []");
  }

  @Test
  void anExcelByteOrderMarkAndSemicolonsAreRead() throws IOException {
    var rows = parse("\uFEFFterritorio;anio;sexo;poblacion\nSV-01;2020;F;1\n");

    assertThat(rows).containsExactly(new Row(1, 2020, "F", 1, null));
  }

  @Test
  void aCountTooLargeForAnyPopulationIsARowErrorNotACrash() {
    assertThat(
            problems("territorio,anio,sexo,poblacion\nSV-01,2020,F,99.999.999.999.999.999.999\n"))
        .containsExactly("censo.csv:2:poblacion censusNumber [99.999.999.999.999.999.999]");
  }

  @Test
  void anUnclosedQuoteIsReportedWithItsLine() {
    assertThat(problems("territorio,anio,sexo,poblacion\nSV-01,2020,F,\"1\n"))
        .singleElement()
        .asString()
        .endsWith("csvSyntax []");
  }

  @Test
  void anEmptyFileSaysSo() {
    assertThat(problems("")).containsExactly("censo.csv:1 censusEmpty []");
  }

  @Test
  void cellsBreakingTheUploadLimitsAreRefusedByRowAndColumnAndNeverEchoedWhole() {
    String huge = "9".repeat(1_000_000);
    String longSource = "x".repeat(401);
    var found =
        problems(
            "territorio,anio,sexo,poblacion,fuente\n"
                + "SV-01,2024,F,10\u00000,Censo\n"
                + "SV-01,2024,M,"
                + huge
                + ",Censo\n"
                + "SV-02,2024,F,10,"
                + longSource
                + "\n"
                + "NO-"
                + "Z".repeat(5_000)
                + ",2024,F,10,Censo\n");

    assertThat(found)
        .containsExactly(
            "censo.csv:2:poblacion nulByte [10000]",
            "censo.csv:3:poblacion cellTooLong [10000]",
            "censo.csv:4:fuente textTooLong [400, 401]",
            "censo.csv:5:territorio unknownTerritory [NO-ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ…]");
  }
}
