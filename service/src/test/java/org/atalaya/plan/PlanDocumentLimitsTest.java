package org.atalaya.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.atalaya.shared.ApiException;
import org.junit.jupiter.api.Test;

/** A plan document that says one thing twice, or holds a novel in a field, is refused by name. */
class PlanDocumentLimitsTest {
  private static String demo() throws IOException {
    try (var in = PlanDocuments.class.getResourceAsStream("/demo/la-chorrera-plan.yml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static ApiException refusal(String text, PlanDocuments.Format format) {
    return catchThrowableOfType(ApiException.class, () -> PlanDocuments.read(text, format));
  }

  @Test
  void aKeyGivenTwiceIsRefusedNotLastOneWins() throws IOException {
    String yaml = demo().replaceFirst("  territory: LCH\n", "  territory: LCH\n  territory: XYZ\n");
    String json =
        PlanDocuments.write(
                PlanDocuments.read(demo(), PlanDocuments.Format.YAML), PlanDocuments.Format.JSON)
            .replaceFirst(
                "\"territory\" : \"LCH\",", "\"territory\" : \"LCH\", \"territory\" : \"XYZ\",");

    for (var refused :
        new ApiException[] {
          refusal(yaml, PlanDocuments.Format.YAML), refusal(json, PlanDocuments.Format.JSON)
        }) {
      assertThat(refused).isNotNull();
      assertThat(refused.fieldErrors())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.code()).isEqualTo("repeatedKey");
                assertThat(e.args()[2]).isEqualTo("territory");
              });
    }
  }

  @Test
  void aFiveMegabyteDescriptionIsRefusedNamingTheField() throws IOException {
    String json =
        PlanDocuments.write(
                PlanDocuments.read(demo(), PlanDocuments.Format.YAML), PlanDocuments.Format.JSON)
            .replaceFirst("\"description\" : \"", "\"description\" : \"" + "a".repeat(5_000_000));

    var refused = refusal(json, PlanDocuments.Format.JSON);

    assertThat(refused).isNotNull();
    assertThat(refused.fieldErrors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.field()).isEqualTo("plan.description");
              assertThat(e.code()).isEqualTo("textTooLong");
            });
  }
}
