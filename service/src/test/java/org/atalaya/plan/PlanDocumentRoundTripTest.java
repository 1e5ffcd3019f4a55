package org.atalaya.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A plan leaves and comes back as one document, without losing or changing a byte. */
@MicronautTest(environments = "test")
class PlanDocumentRoundTripTest {
  static final String DEMO = "LCH-PISCC-2025";

  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  String analyst;

  @BeforeEach
  void setUp() {
    api = new Api(client);
    analyst = api.analystToken();
  }

  private String export(String code, String format) {
    return api.call(
            HttpRequest.GET("/api/plans/" + code + "/export?format=" + format), String.class)
        .value();
  }

  private void approve(Api.Reply<Map> proposed) {
    Object id = proposed.value().get("id");
    var approved =
        api.call(
            HttpRequest.POST("/api/plans/" + DEMO + "/changes/" + id + "/approve", Map.of())
                .bearerAuth(api.committeeToken()),
            Map.class);
    assertThat(approved.status()).isEqualTo(200);
  }

  private Api.Reply<Map> importDocument(String body, String contentType, boolean replace) {
    return api.call(
        HttpRequest.POST("/api/plans/import?replace=" + replace, body)
            .contentType(contentType)
            .bearerAuth(analyst),
        Map.class);
  }

  @Test
  void demoPlanYamlExportImportExportIsByteIdentical() {
    String first = export(DEMO, "yaml");

    var imported = importDocument(first, "application/yaml", true);
    // The demo plan is published: the import is a proposal until someone approves it.
    assertThat(imported.status()).isEqualTo(202);
    approve(imported);
    String second = export(DEMO, "yaml");

    assertThat(second).isEqualTo(first);
    assertThat(first)
        .contains("format: atalaya-plan/1")
        .contains("Prevención de la violencia")
        .contains("leadInstitution: INAMU");
  }

  @Test
  void demoPlanJsonExportImportExportIsByteIdentical() {
    String first = export(DEMO, "json");

    var imported = importDocument(first, MediaType.APPLICATION_JSON, true);

    assertThat(imported.status()).isEqualTo(202);
    approve(imported);
    assertThat(export(DEMO, "json")).isEqualTo(first).contains("\"leadInstitution\" : \"INAMU\"");
  }

  @Test
  void aCopyUnderAnotherCodeCarriesEveryFieldOfEveryCard() {
    String copyCode = "LCH-COPY-" + System.nanoTime();
    String yaml = export(DEMO, "yaml").replace("code: " + DEMO, "code: " + copyCode);

    // The copy arrives published: only an administrator may bring in a plan in that state.
    var reply =
        api.call(
            HttpRequest.POST("/api/plans/import", yaml)
                .contentType("application/yaml")
                .bearerAuth(api.adminToken()),
            Map.class);
    String copy = export(copyCode, "yaml");

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.value()).containsEntry("actionCards", 13).containsEntry("projects", 3);
    assertThat(copy).isEqualTo(yaml);
  }

  @Test
  void importingOverAnExistingPlanWithoutReplaceIsAConflictAndChangesNothing() {
    String before = export(DEMO, "yaml");
    String changed = before.replace("Prevención de la violencia", "Otro nombre");

    var reply = importDocument(changed, "application/yaml", false);

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.error().errors()).extracting("field").containsExactly("plan.code");
    assertThat(export(DEMO, "yaml")).isEqualTo(before);
  }

  @Test
  void anUnknownKeyIsRefusedWithItsPath() {
    String yaml =
        export(DEMO, "yaml")
            .replace("  periodStart: 2025-01-01", "  periodStart: 2025-01-01\n  color: red");

    var reply = importDocument(yaml.replace(DEMO, "LCH-BAD-KEY"), "application/yaml", false);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.error().errors())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.field()).isEqualTo("plan.color");
              assertThat(v.code()).isEqualTo("unknownField");
            });
    assertThat(api.get("/api/plans/LCH-BAD-KEY", Map.class).status()).isEqualTo(404);
  }

  @Test
  void brokenReferencesAreAllNamedAndNothingIsWritten() {
    String yaml =
        export(DEMO, "yaml")
            .replace(DEMO, "LCH-BAD-REF")
            .replaceFirst("leadInstitution: INAMU", "leadInstitution: NO-EXISTE")
            .replaceFirst("territory: LCH", "territory: ATLANTIS")
            .replaceFirst("periodEnd: 2028-12-31", "periodEnd: 2024-12-31");

    var reply = importDocument(yaml, "application/yaml", false);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.error().errors())
        .extracting("field", "code")
        .contains(
            org.assertj.core.groups.Tuple.tuple("plan.territory", "unknownTerritory"),
            org.assertj.core.groups.Tuple.tuple("plan.periodEnd", "periodOrder"));
    assertThat(reply.error().errors())
        .anySatisfy(
            v -> {
              assertThat(v.field()).matches("axes\\[\\d]\\.actionCards\\[\\d]\\.leadInstitution");
              assertThat(v.message())
                  .isEqualTo("no existe una institución con el código «NO-EXISTE»");
            });
    assertThat(api.get("/api/institutions/NO-EXISTE", Map.class).status()).isEqualTo(404);
    assertThat(
            api.call(HttpRequest.GET("/api/plans/LCH-BAD-REF").bearerAuth(analyst), Map.class)
                .status())
        .isEqualTo(404);
  }

  @Test
  void duplicateCardCodesInOneDocumentAreRefused() {
    String yaml =
        export(DEMO, "yaml").replace(DEMO, "LCH-DUP").replace("code: PREV-02", "code: PREV-01");

    var reply = importDocument(yaml, "application/yaml", false);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.error().errors())
        .anySatisfy(v -> assertThat(v.code()).isEqualTo("duplicateInDocument"));
  }

  @Test
  void yamlSyntaxErrorsGiveLineAndColumn() {
    var reply =
        importDocument(
            "format: atalaya-plan/1\nplan:\n  code: [unclosed\n", "application/yaml", false);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.error().errors().get(0).message()).startsWith("línea ");
  }

  @Test
  void importRequiresAWriterRole() {
    var reply =
        api.call(
            HttpRequest.POST("/api/plans/import", export(DEMO, "yaml"))
                .contentType("application/yaml"),
            Map.class);

    assertThat(reply.status()).isEqualTo(401);
  }

  @Test
  void nestedProblemsAreNamedByTheirPathInTheDocument() {
    String yaml =
        """
        format: atalaya-plan/1
        plan: {code: LCH-NESTED, name: n, territory: LCH, periodStart: 2025-01-01, periodEnd: 2026-01-01}
        axes:
          - {code: A, name: a}
          - code: B
            name: b
            actionCards:
              - {code: C, title: t, problem: p, generalObjective: o, actions: [ok, ""],
                 budget: {amount: 1e30, currency: usd}}
        """;

    var reply = importDocument(yaml, "application/yaml", false);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.error().errors())
        .extracting("field", "code")
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("axes[1].actionCards[0].actions[1]", "NotBlank"),
            org.assertj.core.groups.Tuple.tuple("axes[1].actionCards[0].budget.amount", "Digits"),
            org.assertj.core.groups.Tuple.tuple(
                "axes[1].actionCards[0].budget.currency", "currency"));
  }

  @Test
  void anotherFormatVersionIsRefused() {
    String yaml =
        export(DEMO, "yaml").replace(DEMO, "LCH-V2").replace("atalaya-plan/1", "atalaya-plan/2");

    var reply = importDocument(yaml, "application/yaml", false);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.error().errors())
        .singleElement()
        .satisfies(v -> assertThat(v.message()).isEqualTo("debe ser «atalaya-plan/1»"));
  }

  @Test
  void emptyItemsAndRepeatedPartnersAreNamedNotCrashed() {
    String yaml =
        """
        format: atalaya-plan/1
        plan: {code: LCH-NULLS, name: n, territory: LCH, periodStart: 2025-01-01, periodEnd: 2026-01-01}
        institutions: [null]
        axes:
          - code: A
            name: a
            actionCards:
              - {code: C, title: t, problem: p, generalObjective: o, partners: [MUN-LCH, MUN-LCH]}
          - null
        """;

    var reply = importDocument(yaml, "application/yaml", false);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.error().errors()).extracting("field").contains("institutions[0]", "axes[1]");
  }

  @Test
  void anUnknownExportFormatIsRefused() {
    assertThat(api.get("/api/plans/" + DEMO + "/export?format=xml", String.class).status())
        .isEqualTo(422);
  }

  @Test
  void anAnalystCannotPublishAPlanByImportingIt() {
    String yaml =
        export(DEMO, "yaml").replace("code: " + DEMO, "code: LCH-PUB-" + System.nanoTime());

    var reply = importDocument(yaml, "application/yaml", false);

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.error().errors().get(0).message())
        .isEqualTo(
            "solo una persona administradora cambia el estado de un plan (de Borrador a Publicado)");
  }
}
