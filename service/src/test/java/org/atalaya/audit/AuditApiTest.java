package org.atalaya.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading the audit trail: who may, what each entry says, filters, pages and the CSV. */
@MicronautTest(environments = "test")
class AuditApiTest {
  @Inject
  @Client("/")
  HttpClient client;

  Api api;
  String admin;
  String code;

  /** An institution created, renamed and deleted by an analyst: three entries under one key. */
  @BeforeEach
  void historyOfOneInstitution() {
    api = new Api(client);
    admin = api.adminToken();
    String analyst = api.analystToken();
    code = "AUD-" + Long.toString(System.nanoTime(), 36).toUpperCase();
    send(HttpRequest.POST("/api/institutions", institution("Primera")).bearerAuth(analyst), 201);
    send(
        HttpRequest.PUT("/api/institutions/" + code, institution("Segunda")).bearerAuth(analyst),
        200);
    send(HttpRequest.DELETE("/api/institutions/" + code).bearerAuth(analyst), 204);
  }

  private Map<String, Object> institution(String name) {
    return Map.of("code", code, "name", name, "kind", "NATIONAL");
  }

  private void send(io.micronaut.http.MutableHttpRequest<?> request, int expected) {
    assertThat(api.call(request, Map.class).status()).as(request.getPath()).isEqualTo(expected);
  }

  private Api.Reply<Map> read(String query, String token) {
    var request = HttpRequest.GET("/api/audit?" + query);
    return api.call(token == null ? request : request.bearerAuth(token), Map.class);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> entries(Api.Reply<Map> reply) {
    return (List<Map<String, Object>>) reply.value().get("entries");
  }

  @Test
  void everyEntrySaysWhoWhenWhatBeforeAndAfterNewestFirst() {
    var reply = read("entity=institution&key=" + code, admin);

    assertThat(reply.value()).containsEntry("total", 3);
    List<Map<String, Object>> found = entries(reply);
    assertThat(found)
        .extracting(e -> e.get("action"))
        .containsExactly("DELETE", "UPDATE", "CREATE");
    assertThat(found).allSatisfy(e -> assertThat(e).containsEntry("actor", "test-analyst"));
    assertThat(found)
        .extracting(e -> e.get("at"))
        .isSortedAccordingTo((a, b) -> -((String) a).compareTo((String) b));
    Map<String, Object> update = found.get(1);
    assertThat((Map<String, Object>) update.get("before")).containsEntry("name", "Primera");
    assertThat((Map<String, Object>) update.get("after")).containsEntry("name", "Segunda");
    assertThat(found.get(0).get("after")).isNull();
    assertThat((Map<String, Object>) found.get(0).get("before")).containsEntry("name", "Segunda");
  }

  @Test
  void filtersByActionActorKeyPrefixAndTimeAndPages() {
    String key = "entity=institution&key=" + code;
    String prefix = code.substring(0, code.length() - 2) + "*";
    String inAnHour = Instant.now().plus(1, ChronoUnit.HOURS).toString();
    String anHourAgo = Instant.now().minus(1, ChronoUnit.HOURS).toString();

    assertThat(entries(read(key + "&action=update", admin)))
        .singleElement()
        .satisfies(e -> assertThat(e).containsEntry("action", "UPDATE"));
    assertThat(read(key + "&actor=admin", admin).value()).containsEntry("total", 0);
    assertThat(read("entity=institution&key=" + prefix, admin).value().get("total")).isEqualTo(3);
    assertThat(read(key + "&from=" + inAnHour, admin).value()).containsEntry("total", 0);
    assertThat(read(key + "&from=" + anHourAgo + "&to=" + inAnHour, admin).value())
        .containsEntry("total", 3);
    assertThat(read(key + "&to=" + anHourAgo, admin).value()).containsEntry("total", 0);

    var first = read(key + "&size=2&page=1", admin);
    var second = read(key + "&size=2&page=2", admin);
    assertThat(first.value()).containsEntry("total", 3);
    assertThat(entries(first)).extracting(e -> e.get("action")).containsExactly("DELETE", "UPDATE");
    assertThat(entries(second)).extracting(e -> e.get("action")).containsExactly("CREATE");
  }

  @Test
  void theSamePageComesAsCsvHeadedInTheReadersLanguage() {
    var spanish =
        api.call(
            HttpRequest.GET("/api/audit?format=csv&entity=institution&key=" + code)
                .bearerAuth(admin),
            String.class);
    var english =
        api.call(
            HttpRequest.GET("/api/audit?format=csv&entity=institution&key=" + code)
                .header("Accept-Language", "en")
                .bearerAuth(admin),
            String.class);

    assertThat(spanish.contentType()).startsWith("text/csv");
    List<String> lines = spanish.value().lines().toList();
    assertThat(lines.get(0))
        .isEqualTo("id,fecha,usuario,acción,entidad,clave,antes,después,motivo");
    assertThat(lines).hasSize(4);
    assertThat(lines.get(1)).contains(",test-analyst,DELETE,institution," + code + ",");
    assertThat(lines.get(2)).contains("Primera").contains("Segunda");
    assertThat(english.value().lines().findFirst().orElseThrow())
        .isEqualTo("id,time,user,action,entity,key,before,after,reason");
  }

  @Test
  void administratorsAndTheCommitteeReadItAnalystsAndTheAnonymousDoNot() {
    String query = "entity=institution&key=" + code;

    assertThat(read(query, api.committeeToken()).value()).containsEntry("total", 3);
    assertThat(read(query, api.analystToken()).status()).isEqualTo(403);
    assertThat(read(query, null).status()).isEqualTo(401);
  }

  @Test
  void parametersItCannotReadAreNamed() {
    var reply = read("action=DROP&from=ayer&size=5000", admin);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.error().errors())
        .extracting(v -> v.field())
        .containsExactlyInAnyOrder("action", "from", "size");
    assertThat(reply.error().errors())
        .filteredOn(v -> v.field().equals("from"))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("«ayer» no es una fecha"));
  }
}
