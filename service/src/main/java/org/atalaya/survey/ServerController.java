package org.atalaya.survey;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.sql.SQLException;
import org.atalaya.security.Role;
import org.atalaya.shared.Messages;

/**
 * A survey's KoboToolbox or ODK Central server, and pulls from it into a wave. Credentials are
 * written here and never read back: the answer says "guardada".
 */
@Controller("/api/surveys/{code}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Encuestas")
@Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
class ServerController {
  private final ServerPull pulls;
  private final Messages messages;

  ServerController(ServerPull pulls, Messages messages) {
    this.pulls = pulls;
    this.messages = messages;
  }

  @Get("/server")
  ServerDoc.View get(String code) throws SQLException {
    return pulls.get(code);
  }

  @Put("/server")
  ServerDoc.View save(String code, @Body @Valid ServerDoc doc) throws SQLException, IOException {
    return pulls.save(code, doc);
  }

  @Delete("/server")
  @Status(HttpStatus.NO_CONTENT)
  void delete(String code) throws SQLException {
    pulls.delete(code);
  }

  /** Pulls every accepted submission into the wave, as an upload of the same data would. */
  @Post("/waves/{wave}/pull")
  HttpResponse<ServerPull.PullReport> pull(
      HttpRequest<?> request,
      String code,
      String wave,
      @QueryValue(defaultValue = "false") boolean dryRun)
      throws SQLException, IOException {
    var report = pulls.pull(code, wave, dryRun, messages.locale(request));
    boolean refused = !report.upload().dryRun() && !report.upload().committed();
    return HttpResponse.status(refused ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK)
        .body(report);
  }
}
