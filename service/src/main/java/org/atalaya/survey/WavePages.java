package org.atalaya.survey;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.sql.SQLException;
import org.atalaya.security.Role;

/**
 * The wave's two steps from its results page: validate (whoever the approval rule lets: the
 * committee, or an analyst of another institution) and publish (analysts and administrators, once
 * validated). A refusal is the error page in words, from the same services as the API.
 */
@Controller("/encuestas/{code}/rondas/{wave}")
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class WavePages {
  private final WaveApproval approval;
  private final IndicatorFeed feed;

  WavePages(WaveApproval approval, IndicatorFeed feed) {
    this.approval = approval;
    this.feed = feed;
  }

  @Post(value = "/validar", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  @Secured(SecurityRule.IS_AUTHENTICATED)
  HttpResponse<?> validate(Authentication auth, String code, String wave) throws SQLException {
    approval.validate(code, wave, auth, null);
    return back(code, wave, "validada");
  }

  @Post(value = "/publicar", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<?> publish(Authentication auth, String code, String wave) throws SQLException {
    feed.publish(code, wave, auth.getName());
    return back(code, wave, "publicada");
  }

  private static HttpResponse<?> back(String code, String wave, String notice) {
    return HttpResponse.seeOther(
        UriBuilder.of("/encuestas")
            .path(code)
            .queryParam("ronda", wave)
            .queryParam("aviso", notice)
            .build());
  }
}
