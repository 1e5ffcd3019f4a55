package org.atalaya.web.review;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Hidden;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.atalaya.approval.PeriodValidation;
import org.atalaya.web.Pages;

/**
 * The committee's inbox: everything awaiting validation on one page; choosing periods leads to a
 * confirmation page (a GET: reloading it writes nothing), and only its button validates. Who may
 * validate stays the approval workflow's rule (docs/approval.md); after validating, the browser is
 * sent back to the inbox (post/redirect/get).
 */
@Controller("/revision")
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class InboxController {
  private final Pages pages;
  private final InboxService inbox;
  private final PeriodValidation validation;

  InboxController(Pages pages, InboxService inbox, PeriodValidation validation) {
    this.pages = pages;
    this.inbox = inbox;
    this.validation = validation;
  }

  /** The confirmation's form: the chosen {@code CODE|PERIOD} keys, comma-separated. */
  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Confirmed(@Nullable String items) {
    List<String> keys() {
      return items == null || items.isBlank()
          ? List.of()
          : Arrays.stream(items.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
  }

  /** The page of the confirmation step: what will be validated, with its figures. */
  public record ConfirmPage(List<InboxPage.Item> items, String keys, boolean canValidate) {
    public ConfirmPage {
      items = List.copyOf(items);
    }
  }

  @Get
  @Secured(SecurityRule.IS_AUTHENTICATED)
  HttpResponse<String> show(
      HttpRequest<?> request,
      Authentication auth,
      @Nullable @QueryValue Integer validados,
      @Nullable @QueryValue Integer rechazados)
      throws SQLException {
    InboxPage page = inbox.page(validation.mayValidate(auth), pages.locale(request));
    if (validados != null) {
      String done = pages.text(request, "work.inbox.done", validados);
      page = new InboxPage(page.groups(), page.total(), page.canValidate(), done, List.of());
    }
    return pages.render(HttpStatus.OK, "review/inbox", request, page);
  }

  @Get("/confirmar")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  HttpResponse<?> confirm(
      HttpRequest<?> request, Authentication auth, @Nullable @QueryValue List<String> p)
      throws SQLException {
    List<String> keys = p == null ? List.of() : p;
    var items = inbox.chosen(keys, pages.locale(request));
    if (items.isEmpty()) {
      return HttpResponse.seeOther(UriBuilder.of("/revision").build());
    }
    String joined = String.join(",", items.stream().map(InboxPage.Item::key).toList());
    var body = new ConfirmPage(items, joined, validation.mayValidate(auth));
    return pages.render(HttpStatus.OK, "review/confirm", request, body);
  }

  @Post(value = "/validacion", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  @Secured(SecurityRule.IS_AUTHENTICATED)
  HttpResponse<?> validate(HttpRequest<?> request, Authentication auth, @Body Confirmed form)
      throws SQLException {
    List<String> keys = form.keys();
    List<String> refused = inbox.validate(keys, auth, pages.locale(request));
    if (refused.isEmpty()) {
      var uri = UriBuilder.of("/revision").queryParam("validados", keys.size());
      return HttpResponse.seeOther(uri.build());
    }
    InboxPage page = inbox.page(validation.mayValidate(auth), pages.locale(request));
    String done = pages.text(request, "work.inbox.done", keys.size() - refused.size());
    var body = new InboxPage(page.groups(), page.total(), page.canValidate(), done, refused);
    return pages.render(HttpStatus.UNPROCESSABLE_ENTITY, "review/inbox", request, body);
  }
}
