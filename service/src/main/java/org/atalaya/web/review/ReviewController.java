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
import java.util.List;
import org.atalaya.approval.PeriodValidation;
import org.atalaya.shared.ApiException;
import org.atalaya.web.Pages;

/**
 * The committee's review of an indicator: anyone signed in reads it and comments on a period; a
 * validator (the committee by default, see docs/approval.md) approves — validates — a period's
 * figures. After a write the browser is sent back to the page (post/redirect/get), so a reload does
 * not post twice.
 */
@Controller("/revision/{code}")
@Hidden
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class ReviewController {
  private static final String VIEW = "review/review";

  private final Pages pages;
  private final ReviewService reviews;
  private final PeriodValidation validation;

  ReviewController(Pages pages, ReviewService reviews, PeriodValidation validation) {
    this.pages = pages;
    this.reviews = reviews;
    this.validation = validation;
  }

  /** What the review's forms post; the CSRF field rides along. */
  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = true)
  record ReviewForm(@Nullable String period, @Nullable String comment) {}

  @Get
  @Secured(SecurityRule.IS_AUTHENTICATED)
  HttpResponse<String> show(
      HttpRequest<?> request,
      Authentication auth,
      String code,
      @Nullable @QueryValue String periodo)
      throws SQLException {
    ReviewPage body = reviews.page(code, periodo, committee(auth), pages.locale(request));
    return pages.render(HttpStatus.OK, VIEW, request, body);
  }

  @Post(value = "/comentarios", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  @Secured(SecurityRule.IS_AUTHENTICATED)
  HttpResponse<?> comment(
      HttpRequest<?> request, Authentication auth, String code, @Body ReviewForm form)
      throws SQLException {
    try {
      reviews.comment(code, form.period(), auth.getName(), form.comment());
      return back(code, form.period());
    } catch (ReviewRefused e) {
      return refused(request, auth, code, form.period(), e, form.comment());
    }
  }

  /** Approving validates the period's figures; who may is the approval workflow's rule. */
  @Post(value = "/aprobacion", consumes = MediaType.APPLICATION_FORM_URLENCODED)
  @Secured(SecurityRule.IS_AUTHENTICATED)
  HttpResponse<?> approve(
      HttpRequest<?> request, Authentication auth, String code, @Body ReviewForm form)
      throws SQLException {
    try {
      reviews.approve(code, form.period(), auth);
      return back(code, form.period());
    } catch (ReviewRefused e) {
      return refused(request, auth, code, form.period(), e, null);
    } catch (ApiException e) {
      if (e.status() == HttpStatus.NOT_FOUND || e.fieldErrors().isEmpty()) {
        throw e;
      }
      var error = e.fieldErrors().get(0);
      var refusal = new ReviewRefused("violation." + error.code(), error.args());
      return refused(request, auth, code, form.period(), refusal, null, e.status());
    }
  }

  private HttpResponse<String> refused(
      HttpRequest<?> request,
      Authentication auth,
      String code,
      @Nullable String period,
      ReviewRefused e,
      @Nullable String draft)
      throws SQLException {
    return refused(request, auth, code, period, e, draft, HttpStatus.UNPROCESSABLE_ENTITY);
  }

  private HttpResponse<String> refused(
      HttpRequest<?> request,
      Authentication auth,
      String code,
      @Nullable String period,
      ReviewRefused e,
      @Nullable String draft,
      HttpStatus status)
      throws SQLException {
    List<String> errors = List.of(pages.text(request, e.key(), e.args()));
    ReviewPage page = reviews.page(code, period, committee(auth), pages.locale(request));
    var body =
        new ReviewPage(
            page.code(),
            page.name(),
            page.periods(),
            page.selected(),
            page.comments(),
            page.canApprove(),
            errors,
            draft);
    return pages.render(status, VIEW, request, body);
  }

  private static HttpResponse<?> back(String code, @Nullable String period) {
    var uri = UriBuilder.of("/revision").path(code);
    if (period != null) {
      uri.queryParam("periodo", period);
    }
    return HttpResponse.seeOther(uri.build());
  }

  /** The button is offered to those whose role may validate under the configuration. */
  private boolean committee(Authentication auth) {
    return validation.mayValidate(auth);
  }
}
