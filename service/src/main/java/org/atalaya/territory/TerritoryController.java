package org.atalaya.territory;

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
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.atalaya.security.Role;
import org.atalaya.territory.TerritoryService.ImportResult;
import org.atalaya.territory.TerritoryService.TerritoryView;

/** The district's geography and its populations: public reference data, edited by staff. */
@Controller("/api/territories")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Territorios")
class TerritoryController {
  private final TerritoryService service;

  TerritoryController(TerritoryService service) {
    this.service = service;
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
}
