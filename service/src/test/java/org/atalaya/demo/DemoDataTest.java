package org.atalaya.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.Test;

/**
 * What a newcomer sees after starting with --demo: the plan of La Chorrera, as the guide has it.
 */
@MicronautTest(environments = "test")
class DemoDataTest {
  @Inject
  @Client("/")
  HttpClient client;

  @Inject DemoData demo;

  @SuppressWarnings("unchecked")
  private Map<String, Object> plan() {
    return new Api(client).get("/api/plans/LCH-PISCC-2025", Map.class).value();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object o) {
    return (List<Map<String, Object>>) o;
  }

  @Test
  void theDemoPlanIsPublicAndHasAtLeastTwoActionCardsInEachOfTheFiveAxes() {
    Map<String, Object> plan = plan();

    assertThat(((Map<?, ?>) plan.get("plan")).get("status")).isEqualTo("PUBLISHED");
    assertThat(list(plan.get("axes")))
        .hasSize(5)
        .allSatisfy(a -> assertThat(list(a.get("actionCards"))).hasSizeGreaterThanOrEqualTo(2))
        .extracting(a -> a.get("standard"))
        .containsExactly(
            "PREVENTION",
            "CONTROL_AND_PROSECUTION",
            "REHABILITATION_AND_REINSERTION",
            "VICTIM_CARE_AND_PROTECTION",
            "INSTITUTIONAL_STRENGTHENING");
  }

  @Test
  void theGuidesOwnExamplesAreThere() {
    List<Map<String, Object>> cards =
        list(plan().get("axes")).stream()
            .flatMap(a -> list(a.get("actionCards")).stream())
            .toList();

    assertThat(cards)
        .anySatisfy(
            c -> {
              assertThat(c.get("problem"))
                  .isEqualTo("Alta incidencia de violencia en la familia hacia mujeres y niños");
              assertThat(c.get("leadInstitution")).isEqualTo("INAMU");
              assertThat(c.get("partners").toString()).contains("MUN-LCH");
              assertThat(c.get("otherPartners").toString()).containsIgnoringCase("mujeres");
            });
    assertThat(cards)
        .flatExtracting(c -> (List<?>) c.get("actions"))
        .anySatisfy(a -> assertThat(a.toString()).containsIgnoringCase("iluminación de calles"))
        .anySatisfy(a -> assertThat(a.toString()).containsIgnoringCase("parques"))
        .anySatisfy(a -> assertThat(a.toString()).containsIgnoringCase("mantenimiento"));
    assertThat(list(plan().get("projects"))).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void loadingTheDemoAgainChangesNothing() {
    Map<String, Object> before = plan();
    int territories = new Api(client).get("/api/territories", List.class).value().size();

    demo.load();

    assertThat(plan()).isEqualTo(before);
    assertThat(new Api(client).get("/api/territories", List.class).value()).hasSize(territories);
  }
}
