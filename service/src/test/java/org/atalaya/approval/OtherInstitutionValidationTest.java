package org.atalaya.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.atalaya.testsupport.IndicatorFixtures;
import org.junit.jupiter.api.Test;

/**
 * {@code atalaya.approval.validators: both}: the committee validates, and so does an analyst of an
 * institution other than the one that reported the figures — never one of the same institution, one
 * without an institution on record, nor the person who recorded them.
 */
@MicronautTest(environments = "test")
@Property(name = "atalaya.approval.validators", value = "both")
class OtherInstitutionValidationTest extends ApprovalFixture {

  @Test
  void anAnalystOfAnotherInstitutionValidatesTheSameInstitutionAndTheRecorderDoNot() {
    String police = "POL-" + suffix;
    String ministry = "MIN-" + suffix;
    institution(police);
    institution(ministry);
    String recorder = analystOf("rec-" + suffix.toLowerCase(), ministry);
    String colleague = analystOf("col-" + suffix.toLowerCase(), police);
    String nobody = analystOf("sin-" + suffix.toLowerCase(), null);
    String outsider = analystOf("otr-" + suffix.toLowerCase(), ministry);
    String code = "VAL-" + suffix;
    Map<String, Object> indicator = IndicatorFixtures.domesticViolenceReports(code);
    indicator.put("institution", police);
    indicator.remove("actionCard"); // not on the demo plan: its report stays as it was
    IndicatorFixtures.create(api, admin, indicator);
    measure(recorder, code, "2025-03", "LCH-01", 5);
    measure(recorder, code, "2025-04", "LCH-01", 6);

    String sameInstitution = refusal(validate(colleague, code, "2025-03", Map.of()));
    String noInstitution = refusal(validate(nobody, code, "2025-03", Map.of()));
    String own = refusal(validate(recorder, code, "2025-03", Map.of()));
    var status = validate(outsider, code, "2025-03", Map.of()).value();
    var byCommittee = validate(committee, code, "2025-04", Map.of());

    assertThat(sameInstitution).contains("las reportó su institución (" + police + ")");
    assertThat(noInstitution).contains("no tiene una institución registrada");
    assertThat(own).contains("Usted registró 1 de las cifras de " + code + " 2025-03");
    assertThat(status).containsEntry("status", "VALIDATED").containsEntry("provisional", 0);
    assertThat(byCommittee.status()).isEqualTo(200);
  }
}
