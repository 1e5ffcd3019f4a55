package org.atalaya.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.atalaya.security.Role;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.Messages;

/**
 * Surveys into indicators: bind an indicator to an item, publish a wave (which feeds every bound
 * indicator), read an indicator's survey intervals, and compare two waves (among the respondents
 * every {@code filter} keeps, as the estimates do).
 */
@Controller("/api/surveys")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Encuestas")
class FeedController {
  private final IndicatorFeed feed;
  private final IndicatorCells cells;
  private final WaveComparison comparison;
  private final Messages messages;

  FeedController(
      IndicatorFeed feed, IndicatorCells cells, WaveComparison comparison, Messages messages) {
    this.feed = feed;
    this.cells = cells;
    this.comparison = comparison;
    this.messages = messages;
  }

  @Put("/{code}/indicators/{indicator}")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  IndicatorBinding bind(String code, String indicator, @Body @Valid IndicatorBinding binding)
      throws SQLException {
    if (!indicator.equals(binding.indicator())) {
      throw ApiException.invalid("indicator", "format", indicator);
    }
    return feed.bind(code, binding);
  }

  @Get("/{code}/indicators")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  List<IndicatorBinding> bindings(String code) throws SQLException {
    return feed.bindings(code);
  }

  @Post("/{code}/waves/{wave}/publish")
  @Secured({Role.ADMIN_NAME, Role.ANALYST_NAME})
  Map<String, Long> publish(Authentication auth, String code, String wave) throws SQLException {
    return feed.publish(code, wave, auth.getName());
  }

  @Get("/indicator-cells/{indicator}")
  @Secured(SecurityRule.IS_ANONYMOUS)
  List<IndicatorCells.CellInterval> indicatorCells(@Nullable Authentication auth, String indicator)
      throws SQLException {
    return cells.forIndicator(indicator, !EstimatesController.staff(auth));
  }

  @Get("/{code}/differences")
  @Secured(SecurityRule.IS_ANONYMOUS)
  WaveComparison.Comparison differences(
      HttpRequest<?> request,
      @Nullable Authentication auth,
      String code,
      @QueryValue String from,
      @QueryValue String to,
      @QueryValue String item,
      @Nullable @QueryValue String kind,
      @Nullable @QueryValue String value,
      @Nullable @QueryValue String by,
      @Nullable @QueryValue List<String> filter,
      @Nullable @QueryValue String weight)
      throws SQLException {
    var asked = EstimateRequest.parse(item, kind, value, by, filter, weight);
    return comparison.compare(
        code, from, to, asked, messages.locale(request), !EstimatesController.staff(auth));
  }
}
