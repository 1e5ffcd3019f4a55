package org.atalaya.approval;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;

/**
 * Who may validate figures, as {@code atalaya.approval.validators} says: {@code committee} (the
 * default: a COMMITTEE member), {@code other-institution} (an ANALYST whose institution differs
 * from the one that reported the figures) or {@code both}. Nobody validates figures they recorded.
 */
@Singleton
public class Validators {
  enum Mode {
    COMMITTEE,
    OTHER_INSTITUTION,
    BOTH
  }

  /**
   * What the rule needs to know about the figures at stake.
   *
   * @param own how many of them the person recorded
   * @param ownInstitution how many were reported by the person's institution, or by none known
   * @param institution the person's institution code, null when they have none
   */
  public record Stake(String what, long own, long ownInstitution, @Nullable String institution) {}

  private final Mode mode;

  Validators(@Value("${atalaya.approval.validators:committee}") String configured) {
    this.mode = parse(configured);
  }

  static Mode parse(String configured) {
    return switch (configured.strip().toLowerCase(Locale.ROOT)) {
      case "committee" -> Mode.COMMITTEE;
      case "other-institution" -> Mode.OTHER_INSTITUTION;
      case "both", "committee,other-institution", "other-institution,committee" -> Mode.BOTH;
      default ->
          throw new IllegalArgumentException(
              "atalaya.approval.validators: committee, other-institution or both, not "
                  + configured);
    };
  }

  Mode mode() {
    return mode;
  }

  /** Whether the person's role could validate at all (the review page offers the button). */
  public boolean mayValidate(@Nullable Authentication auth) {
    return auth != null && (committee(auth) || analyst(auth));
  }

  /** Refuses (403, naming the rule) anyone the configuration does not allow for these figures. */
  public void check(Authentication auth, Stake stake) {
    if (!committee(auth) && !analyst(auth)) {
      throw refused("approval.notValidator." + mode.name());
    }
    if (stake.own() > 0) {
      throw refused("approval.ownFigures", stake.own(), stake.what());
    }
    if (committee(auth)) {
      return;
    }
    if (stake.institution() == null) {
      throw refused("approval.noInstitution");
    }
    if (stake.ownInstitution() > 0) {
      throw refused("approval.sameInstitution", stake.what(), stake.institution());
    }
  }

  private boolean committee(Authentication auth) {
    return mode != Mode.OTHER_INSTITUTION && auth.getRoles().contains(Role.COMMITTEE_NAME);
  }

  private boolean analyst(Authentication auth) {
    return mode != Mode.COMMITTEE && auth.getRoles().contains(Role.ANALYST_NAME);
  }

  static ApiException refused(String code, Object... args) {
    return new ApiException(
        HttpStatus.FORBIDDEN,
        "approval.problem.refused",
        List.of(new ApiException.FieldError("validator", code, args)));
  }
}
