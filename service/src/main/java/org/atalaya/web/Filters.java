package org.atalaya.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.atalaya.indicator.Sex;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.ApiException.FieldError;
import org.atalaya.territory.TerritoryService;

/**
 * The filters every reading page and chart takes from its URL ({@code corte}, {@code sexo}, {@code
 * territorio}), validated: an unknown value is a 400 naming the field, never an empty page that
 * looks like "no data".
 */
public record Filters(LocalDate asOf, Sex sex, @Nullable String territory) {
  public static final String AS_OF = "corte";
  public static final String SEX = "sexo";
  public static final String TERRITORY = "territorio";

  public static Filters parse(
      @Nullable String asOf,
      @Nullable String sex,
      @Nullable String territory,
      TerritoryService territories,
      Clock clock) {
    List<FieldError> errors = new ArrayList<>();
    LocalDate date = LocalDate.now(clock);
    if (asOf != null && !asOf.isBlank()) {
      try {
        date = LocalDate.parse(asOf.strip());
      } catch (DateTimeParseException e) {
        errors.add(new FieldError(AS_OF, "format", "AAAA-MM-DD"));
      }
    }
    Sex s = Sex._T;
    if (sex != null && !sex.isBlank()) {
      s = Sex.fromCode(sex.strip()).filter(x -> x != Sex._U).orElse(null);
      if (s == null) {
        errors.add(new FieldError(SEX, "enumValue", sex, "F, M, _T"));
      }
    }
    String place = territory == null || territory.isBlank() ? null : territory.strip();
    if (place != null && territories.find(place).isEmpty()) {
      errors.add(new FieldError(TERRITORY, "unknownTerritory", place));
    }
    if (!errors.isEmpty()) {
      // A bad address, not bad data: 400, as for any unreadable request.
      throw new ApiException(HttpStatus.BAD_REQUEST, "problem.invalid", errors);
    }
    return new Filters(date, s, place);
  }

  /** The filters as a query string ("?corte=…&sexo=…"), for links and chart addresses. */
  public String query() {
    StringBuilder q = new StringBuilder("?" + AS_OF + "=" + asOf);
    q.append("&").append(SEX).append("=").append(sex.name());
    if (territory != null) {
      q.append("&")
          .append(TERRITORY)
          .append("=")
          .append(URLEncoder.encode(territory, StandardCharsets.UTF_8));
    }
    return q.toString();
  }
}
