package org.atalaya.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.atalaya.indicator.Sex;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.Test;

/**
 * A plan's progress is kept between pages until the data changes: the same answer twice without a
 * change, and a changed target in the very next answer.
 */
// Not in a test transaction: inside one the facade computes afresh, by design.
@MicronautTest(environments = "test", transactional = false)
class ProgressCacheTest {
  static final String PLAN = "LCH-PISCC-2025";
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

  @Inject ProgressFacade facade;

  @Inject
  @Client("/")
  HttpClient client;

  @Test
  @SuppressWarnings("unchecked")
  void aChangedTargetShowsInTheNextAnswer() throws Exception {
    Api api = new Api(client);
    String admin = api.adminToken();
    ProgressFacade.Level first = facade.plan(PLAN, AS_OF, Sex._T, null);
    assertThat(facade.plan(PLAN, AS_OF, Sex._T, null)).isSameAs(first);
    assertThat(target(first)).isEqualTo(7.8);

    List<Map<String, Object>> targets =
        api.call(HttpRequest.GET("/api/indicators/HOM-TASA/targets").bearerAuth(admin), List.class)
            .value();
    List<Map<String, Object>> changed = new ArrayList<>();
    for (Map<String, Object> t : targets) {
      Map<String, Object> copy = new java.util.LinkedHashMap<>(t);
      if ("LCH".equals(copy.get("territory"))) {
        copy.put("target", Map.of("period", "2028-01-01", "value", 6.5));
      }
      changed.add(copy);
    }
    try {
      // The demo plan is published: the change is proposed, and in force once approved.
      var put =
          api.inForce(
              HttpRequest.PUT("/api/indicators/HOM-TASA/targets", changed).bearerAuth(admin));
      assertThat(put.status()).isEqualTo(200);
      assertThat(target(facade.plan(PLAN, AS_OF, Sex._T, null))).isEqualTo(6.5);
    } finally {
      api.inForce(HttpRequest.PUT("/api/indicators/HOM-TASA/targets", targets).bearerAuth(admin));
    }
    assertThat(target(facade.plan(PLAN, AS_OF, Sex._T, null))).isEqualTo(7.8);
  }

  /** HOM-TASA's target value in the tree. */
  private static Double target(ProgressFacade.Level level) {
    for (ProgressFacade.IndicatorCell cell : level.indicators()) {
      if (cell.code().equals("HOM-TASA")) {
        return cell.progress().target() == null ? null : cell.progress().target().value();
      }
    }
    for (ProgressFacade.Level child : level.children()) {
      Double found = target(child);
      if (found != null) {
        return found;
      }
    }
    return null;
  }
}
