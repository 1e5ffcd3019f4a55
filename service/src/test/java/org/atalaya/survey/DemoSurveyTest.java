package org.atalaya.survey;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demonstration's survey is there for anyone to read, with its small cells withheld. */
@MicronautTest(environments = "test")
class DemoSurveyTest extends SurveyFixture {

  @Test
  void thePublicFindsTheSurveyItsQuestionsAndPublishedWavesButNotItsDesign() {
    List<Map> published = api.call(HttpRequest.GET("/api/surveys/published"), List.class).value();

    Map<String, Object> demo =
        published.stream()
            .filter(s -> DemoSurvey.CODE.equals(s.get("code")))
            .findFirst()
            .orElseThrow();
    assertThat(demo).doesNotContainKey("design");
    assertThat((List<Map<String, Object>>) demo.get("waves"))
        .extracting(w -> w.get("code"))
        .containsExactly("2024", "2025");
    assertThat((List<Map<String, Object>>) demo.get("items"))
        .extracting(i -> i.get("code"))
        .containsExactly("inseguro", "denuncio");
  }

  @Test
  void theDemoSurveysPublishedWaveAnswersAnonymousReaders() {
    var bySex = estimates(DemoSurvey.CODE, "2025", "item=inseguro&by=sex", null);
    var byPlace = estimates(DemoSurvey.CODE, "2025", "item=inseguro&by=territory", null);

    assertThat(cell(bySex)).containsEntry("suppressed", false).containsEntry("n", 720);
    assertThat((double) cell(bySex, "F").get("estimate"))
        .isGreaterThan((double) cell(bySex, "M").get("estimate"));
    // Twenty interviews in four PSUs of one stratum: 3 degrees of freedom, below INE's 9.
    assertThat(cell(byPlace, "LCH-01"))
        .containsEntry("suppressed", true)
        .containsEntry("estimate", null)
        .containsEntry("df", 3);
  }
}
