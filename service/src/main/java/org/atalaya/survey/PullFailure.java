package org.atalaya.survey;

import io.micronaut.http.HttpStatus;
import java.util.List;
import org.atalaya.shared.ApiException;

/**
 * A pull that could not finish: the server was down, slow, refused the credentials, answered
 * something else than its API's JSON, or kept paging past the limits. Nothing was stored. The
 * message key is under {@code violation.pull.} and names the server (never its credentials).
 */
final class PullFailure extends ApiException {
  PullFailure(String rule, Object... args) {
    super(
        HttpStatus.BAD_GATEWAY,
        "problem.pull",
        List.of(new FieldError("server", "pull." + rule, args)));
  }
}
