package org.atalaya.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.security.authentication.Authentication;
import java.util.List;
import org.atalaya.shared.ApiException;
import org.junit.jupiter.api.Test;

/** Each configuration of {@code atalaya.approval.validators}, without a server. */
class ValidatorsTest {
  static final Authentication COMMITTEE = Authentication.build("ana", List.of("COMMITTEE"));
  static final Authentication ANALYST = Authentication.build("beto", List.of("ANALYST"));
  static final Authentication ADMIN = Authentication.build("root", List.of("ADMIN"));

  /** Figures of another institution, recorded by someone else: only the role decides. */
  static final Validators.Stake FOREIGN = new Validators.Stake("X 2025-03", 0, 0, "MIN");

  @Test
  void committeeByDefaultAnalystsOnlyWhenConfiguredAdministratorsNever() {
    assertThatCode(() -> new Validators("committee").check(COMMITTEE, FOREIGN))
        .doesNotThrowAnyException();
    assertThat(code(() -> new Validators("committee").check(ANALYST, FOREIGN)))
        .isEqualTo("approval.notValidator.COMMITTEE");
    assertThat(code(() -> new Validators("other-institution").check(COMMITTEE, FOREIGN)))
        .isEqualTo("approval.notValidator.OTHER_INSTITUTION");
    assertThatCode(() -> new Validators("other-institution").check(ANALYST, FOREIGN))
        .doesNotThrowAnyException();
    assertThatCode(() -> new Validators("both").check(COMMITTEE, FOREIGN))
        .doesNotThrowAnyException();
    assertThat(code(() -> new Validators("both").check(ADMIN, FOREIGN)))
        .isEqualTo("approval.notValidator.BOTH");
    assertThat(new Validators("both").mayValidate(ANALYST)).isTrue();
    assertThat(new Validators("committee").mayValidate(ANALYST)).isFalse();
  }

  @Test
  void nobodyValidatesWhatTheyRecordedNotEvenTheCommittee() {
    var own = new Validators.Stake("X 2025-03", 2, 0, null);
    assertThat(code(() -> new Validators("committee").check(COMMITTEE, own)))
        .isEqualTo("approval.ownFigures");
  }

  @Test
  void anUnknownSettingStopsTheServiceWithTheChoices() {
    assertThatThrownBy(() -> new Validators("everyone"))
        .hasMessageContaining("committee, other-institution or both");
  }

  private static String code(Runnable check) {
    try {
      check.run();
    } catch (ApiException e) {
      assertThat(e.status().getCode()).isEqualTo(403);
      return e.fieldErrors().get(0).code();
    }
    throw new AssertionError("not refused");
  }
}
