package org.atalaya.territory;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import org.atalaya.security.Role;
import org.atalaya.shared.Messages;
import org.atalaya.territory.TerritoryService.ImportResult;
import org.atalaya.territory.TerritoryService.TerritoryView;

/** The district's geography and its populations: public reference data, edited by staff. */
@Controller("/api/territories")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Territorios")
class TerritoryController {
  private final TerritoryService service;
  private final BoundaryService boundaries;
  private final Messages messages;

  TerritoryController(TerritoryService service, BoundaryService boundaries, Messages messages) {
    this.service = service;
    this.boundaries = boundaries;
    this.messages = messages;
  }

  @Get
  @Secured(SecurityRule.IS_ANONYMOUS)
  List<TerritoryView> list() {
    return service.list();
  }

  @Get("/{code}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  TerritoryService.TerritoryDetail get(String code) {
    return service.detail(code);
  }

  @Post
  @Status(HttpStatus.CREATED)
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  TerritoryView create(@Body @Valid TerritoryForm form) {
    return service.create(form);
  }

  @Put("/{code}")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  TerritoryView rename(String code, @Body @Valid TerritoryForm.Rename form) {
    return service.rename(code, form.name());
  }

  @Delete("/{code}")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<Void> delete(String code) {
    service.delete(code);
    return HttpResponse.noContent();
  }

  @Put("/{code}/population")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  List<PopulationEntry> savePopulation(
      String code, @Body List<@NotNull @Valid PopulationEntry> entries) {
    return service.savePopulation(code, entries);
  }

  /** A census table as CSV in the request body; {@code file} names it in error messages. */
  @Post(
      value = "/population/import",
      consumes = {"text/csv", MediaType.TEXT_PLAIN})
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  ImportResult importCensus(
      @Body String csv,
      @QueryValue(defaultValue = "censo.csv") String file,
      @QueryValue(defaultValue = "false") boolean illustrative)
      throws IOException {
    return service.importCensus(file, new StringReader(csv), illustrative);
  }

  /**
   * A GeoJSON boundary file (RFC 7946, WGS84) in the body. With {@code dryRun=true}, the default,
   * it only says which feature matches which territory and by what rule, which match none and which
   * are invalid and why. With {@code dryRun=false} it stores the matched outlines, all or nothing:
   * 200 when stored, 422 with the same report when something is wrong and nothing was.
   */
  @Post(
      value = "/boundaries",
      consumes = {"application/geo+json", MediaType.APPLICATION_JSON})
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  HttpResponse<BoundaryMatch> importBoundaries(
      HttpRequest<?> request,
      Authentication user,
      @Body InputStream body,
      @QueryValue(defaultValue = "true") boolean dryRun,
      @QueryValue(defaultValue = "limites.geojson") String file,
      @QueryValue(defaultValue = "INEC") String source,
      @QueryValue(defaultValue = "false") boolean illustrative)
      throws IOException {
    Locale locale = messages.locale(request);
    // Streamed, so that a file past the limit is refused by its size in words, not a bare 413.
    byte[] geojson = body.readNBytes(BoundaryService.MAX_BYTES + 1);
    BoundaryMatch report =
        geojson.length > BoundaryService.MAX_BYTES
            ? boundaries.tooBig(
                file, geojson.length + body.transferTo(OutputStream.nullOutputStream()), locale)
            : dryRun
                ? boundaries.dryRun(file, geojson, locale)
                : boundaries.importFile(
                    file, geojson, source, illustrative, user.getName(), locale);
    boolean fine = dryRun ? report.refused() == null : report.importable();
    return HttpResponse.status(fine ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(report);
  }
}
