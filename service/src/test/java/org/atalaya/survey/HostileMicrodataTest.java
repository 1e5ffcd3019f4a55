package org.atalaya.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Microdata and typed-in figures that the estimator cannot use are refused at upload, by row,
 * column and rule — not accepted and then a 500 on every estimate of the wave.
 */
@MicronautTest(environments = "test")
class HostileMicrodataTest extends SurveyFixture {
  static final String HEADER = MicrodataBadInputTest.HEADER;
  String code;

  @BeforeEach
  void survey() {
    code = "HOSV-" + suffix;
    created(post("/api/surveys", LocalSurveys.perception(code)));
    wave(code, "2025", "2025-06-01", "2025-06-30");
    created(
        put(
            "/api/surveys/" + code + "/mappings/plano",
            Map.of("name", "plano", "respondentId", "id")));
  }

  private org.atalaya.testsupport.Api.Reply<Map> csv(String text) {
    return upload(
        code, "2025", text.getBytes(StandardCharsets.UTF_8), "datos.csv", "&mapping=plano");
  }

  private static List<String> where(org.atalaya.testsupport.Api.Reply<Map> reply) {
    return MicrodataBadInputTest.errors(reply).stream().map(MicrodataBadInputTest::where).toList();
  }

  @Test
  void weightsThatAreNotFiniteOrAbsurdAreRefusedByRow() {
    var reply =
        csv(
            HEADER
                + "b1,1e308,E1,U1,1,1,1,4,34,\n"
                + "b2,1.5f,E1,U1,1,1,1,4,34,\n"
                + "b3,0x1p3,E1,U1,1,1,1,4,34,\n"
                + "b4,NaN,E1,U1,1,1,1,4,34,\n"
                + "b5,Infinity,E1,U1,1,1,1,4,34,\n"
                + "b6,12.5,E1,U1,1,1,1,4,34,\n");

    assertThat(reply.status()).isEqualTo(422);
    assertThat(where(reply))
        .containsExactly(
            "2:peso:weightRange",
            "3:peso:notNumber",
            "4:peso:notNumber",
            "5:peso:notNumber",
            "6:peso:notNumber");
    assertThat(MicrodataBadInputTest.errors(reply).get(0).get("message").toString())
        .startsWith("el factor de expansión es absurdamente grande");
    assertThat(respondents(code, "2025")).isZero();
  }

  @Test
  void aNulBytePastTheFirst64KiBRefusesTheFileNamingItsRow() {
    var text = new StringBuilder(HEADER);
    int rows = 0;
    while (text.length() < 100_000) {
      text.append("r").append(rows).append(",1,E1,U").append(rows % 7).append(",1,1,1,4,34,\n");
      rows++;
    }
    text.append("nul,1,E1,U1,1,1,1,4,3\0").append("4,\n");
    text.append("last,1,E1,U1,1,1,1,4,34,\n");

    var reply = csv(text.toString());

    assertThat(reply.status()).isEqualTo(422);
    assertThat(where(reply)).containsExactly((rows + 2) + ":edad:nulByte");
    assertThat(reply.value()).containsEntry("committed", false);
    assertThat(respondents(code, "2025")).isZero();
  }

  @Test
  void aDuplicatedHeaderColumnAndAnOverlongCellAreNamed() {
    var twice = csv("id,peso,estrato,upm,sexo,corregimiento,inseguro,peso\na1,1,E1,U1,1,1,1,2\n");
    var longCell = csv(HEADER + "a1,1,E1,U1,1,1,1,4,34," + "x".repeat(20_000) + "\n");

    assertThat(twice.status()).isEqualTo(422);
    assertThat(where(twice)).contains("1:peso:duplicateColumn");
    assertThat(longCell.status()).isEqualTo(422);
    assertThat(where(longCell)).containsExactly("2:delitos:cellTooLong");
    assertThat(MicrodataBadInputTest.errors(longCell).get(0).get("value").toString())
        .hasSizeLessThan(50);
  }

  @Test
  void aTypedInFigureFromNobodyIsRefused() {
    var reply =
        post(
            "/api/surveys/" + code + "/waves/2025/aggregates",
            List.of(
                Map.of(
                    "item",
                    "inseguro",
                    "kind",
                    "PROPORTION",
                    "value",
                    "1",
                    "estimate",
                    0.4,
                    "se",
                    0.01,
                    "n",
                    0)));

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.error().errors()).extracting("message").contains("debe ser mayor que cero");
  }
}
