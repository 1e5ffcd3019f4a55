package org.atalaya.exchange.opensdg;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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
import org.atalaya.exchange.sdmx.PlanObservations;
import org.atalaya.indicator.Frequency;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.indicator.Sex;
import org.atalaya.publication.Audience;
import org.atalaya.publication.Publication;

/**
 * An indicator for an Open SDG portal (a national SDG 16 platform, a voluntary local review): its
 * data CSV and its metadata YAML, from the publication layer as the caller may read them. {@code
 * sdg} is the SDG indicator number the portal files it under (e.g. {@code 16.1.1}).
 */
@Controller("/api/public/opensdg/{code}")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Datos abiertos Open SDG")
class OpenSdgController {
  private final PlanObservations observations;
  private final IndicatorService indicators;
  private final Publication publication;
  private final Clock clock;

  OpenSdgController(
      PlanObservations observations,
      IndicatorService indicators,
      Publication publication,
      Clock clock) {
    this.clock = clock;
    this.observations = observations;
    this.indicators = indicators;
    this.publication = publication;
  }

  @Get(value = "/datos.csv", produces = "text/csv")
  @Secured(SecurityRule.IS_ANONYMOUS)
  HttpResponse<byte[]> data(
      String code, @Nullable Authentication user, @Nullable @QueryValue LocalDate asOf)
      throws SQLException {
    LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
    var data = observations.indicator(code, day, Audience.of(user != null));
    IndicatorDoc doc = indicators.get(code);
    byte[] csv =
        OpenSdgCsv.write(
            doc.name(),
            data.district(),
            data.names().areas(),
            doc.frequency() != Frequency.ANNUAL,
            data.observations());
    return HttpResponse.ok(csv)
        .contentType(MediaType.of("text/csv; charset=utf-8"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + code + ".csv\"");
  }

  @Get(value = "/metadatos.yml", produces = "application/yaml")
  @Secured(SecurityRule.IS_ANONYMOUS)
  HttpResponse<byte[]> metadata(
      String code,
      @Nullable Authentication user,
      @Nullable @QueryValue String sdg,
      @Nullable @QueryValue LocalDate asOf)
      throws SQLException {
    LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
    Audience audience = Audience.of(user != null);
    var data = observations.indicator(code, day, audience);
    IndicatorDoc doc = indicators.get(code);
    var cell = publication.cell(code, day, Sex._T, null, audience);
    byte[] yaml =
        OpenSdgMeta.write(
            doc,
            sdg,
            data.names().area(data.district()),
            cell.progress().baseline(),
            cell.progress().target());
    return HttpResponse.ok(yaml)
        .contentType(MediaType.of("application/yaml; charset=utf-8"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + code + ".yml\"");
  }
}
