package org.atalaya.exchange.sdmx;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import org.atalaya.publication.Audience;

/**
 * A plan's open data in SDMX: SDMX-CSV 2.0 or SDMX-JSON 2.0 by content negotiation (or {@code
 * format=csv|json}), and its data structure definition as an SDMX-JSON structure message. The same
 * figures and marks as the pages: the public reads validated figures of published plans.
 */
@Controller("/api/public/sdmx")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Datos abiertos SDMX")
class SdmxController {
  private final PlanObservations observations;
  private final Clock clock;

  SdmxController(PlanObservations observations, Clock clock) {
    this.clock = clock;
    this.observations = observations;
  }

  @Get(
      value = "/data/{plan}",
      produces = {
        "application/vnd.sdmx.data+csv",
        "application/vnd.sdmx.data+json",
        "text/csv",
        MediaType.APPLICATION_JSON
      })
  @Secured(SecurityRule.IS_ANONYMOUS)
  HttpResponse<byte[]> data(
      String plan,
      @Nullable Authentication user,
      @Nullable @QueryValue LocalDate asOf,
      @Nullable @QueryValue String format,
      @Nullable @Header(HttpHeaders.ACCEPT) String accept)
      throws SQLException {
    LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
    PlanObservations.Data data = observations.read(plan, day, Audience.of(user != null));
    boolean json =
        format == null
            ? accept != null && accept.contains("json") && !accept.contains("csv")
            : format.equalsIgnoreCase("json");
    String name = plan + "-" + day;
    if (json) {
      return file(
          SdmxJson.write(name, data.names(), data.observations()),
          Dsd.JSON_MEDIA_TYPE,
          name + ".json");
    }
    return file(SdmxCsv.write(data.observations()), Dsd.CSV_MEDIA_TYPE, name + ".csv");
  }

  @Get(
      value = "/structure/{plan}",
      produces = {"application/vnd.sdmx.structure+json", MediaType.APPLICATION_JSON})
  @Secured(SecurityRule.IS_ANONYMOUS)
  HttpResponse<byte[]> structure(String plan, @Nullable Authentication user) throws SQLException {
    PlanObservations.Data data =
        observations.read(plan, LocalDate.now(clock), Audience.of(user != null));
    return file(
        DsdJson.write(data.names()), Dsd.STRUCTURE_MEDIA_TYPE, "estructura-" + plan + ".json");
  }

  private static HttpResponse<byte[]> file(byte[] body, String mediaType, String name) {
    return HttpResponse.ok(body)
        .contentType(MediaType.of(mediaType))
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + "\"");
  }
}
