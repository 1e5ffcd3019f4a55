package org.atalaya.web.review;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.atalaya.approval.InboxQueries;
import org.atalaya.approval.InboxQueries.Cell;
import org.atalaya.approval.InboxQueries.Pending;
import org.atalaya.indicator.Frequency;
import org.atalaya.indicator.Indicator;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.publication.FigureText;
import org.atalaya.shared.Dates;
import org.atalaya.shared.Messages;
import org.atalaya.shared.Periods;
import org.atalaya.web.NumberText;
import org.atalaya.web.review.InboxPage.Group;
import org.atalaya.web.review.InboxPage.Item;
import org.atalaya.web.review.InboxPage.Row;

/** Builds the committee's inbox and validates the indicator periods chosen there. */
@Singleton
class InboxService {
  /** Indicator periods shown with their figures; the rest are counted, oldest last. */
  static final int SHOWN = 40;

  private final InboxQueries store;
  private final IndicatorService indicators;
  private final ReviewService reviews;
  private final Messages messages;

  InboxService(
      InboxQueries store, IndicatorService indicators, ReviewService reviews, Messages messages) {
    this.store = store;
    this.indicators = indicators;
    this.reviews = reviews;
    this.messages = messages;
  }

  InboxPage page(boolean canValidate, Locale locale) throws SQLException {
    List<Pending> pending = store.pending();
    Map<String, List<Item>> byPeriod = new LinkedHashMap<>();
    for (Pending p : pending.subList(0, Math.min(SHOWN, pending.size()))) {
      Item item = item(p, locale);
      byPeriod.computeIfAbsent(item.period(), k -> new ArrayList<>()).add(item);
    }
    List<Group> groups = new ArrayList<>();
    byPeriod.forEach((period, items) -> groups.add(new Group(period, items, confirmLink(items))));
    return new InboxPage(groups, pending.size(), canValidate, null, List.of());
  }

  /** The chosen indicator periods, as they will be validated, for the confirmation step. */
  List<Item> chosen(List<String> keys, Locale locale) throws SQLException {
    List<Item> out = new ArrayList<>();
    for (Pending p : store.pending()) {
      String key = p.code() + "|" + Frequency.valueOf(p.frequency()).label(p.start());
      if (keys.contains(key)) {
        out.add(item(p, locale));
      }
    }
    return out;
  }

  /** Validates each; returns what was refused, in words (the others are validated). */
  List<String> validate(List<String> keys, Authentication auth, Locale locale) {
    List<String> refused = new ArrayList<>();
    for (String key : keys) {
      String[] parts = key.split("\\|", 2);
      String code = parts[0];
      String period = parts.length > 1 ? parts[1] : "";
      try {
        reviews.approve(code, period, auth);
      } catch (ReviewRefused e) {
        refused.add(
            code
                + ", "
                + Periods.text(period, locale)
                + ": "
                + messages.get(locale, e.key(), e.args()));
      } catch (org.atalaya.shared.ApiException e) {
        String why =
            e.fieldErrors().isEmpty()
                ? e.getMessage()
                : messages.get(
                    locale,
                    "violation." + e.fieldErrors().get(0).code(),
                    e.fieldErrors().get(0).args());
        refused.add(code + ", " + Periods.text(period, locale) + ": " + why);
      } catch (SQLException e) {
        throw new IllegalStateException("Validating " + key + " failed", e);
      }
    }
    return refused;
  }

  private Item item(Pending p, Locale locale) throws SQLException {
    Indicator indicator = indicators.require(p.code());
    Frequency f = indicator.frequency();
    LocalDate previous = previous(f, p.start());
    LocalDate yearBefore = p.start().minusYears(1);
    List<Cell> cells = store.cells(p.indicatorId(), p.start(), previous, yearBefore);
    boolean sources = cells.stream().map(Cell::source).distinct().count() > 1;
    int decimals = FigureText.decimals(indicator.kind());
    List<Row> rows = new ArrayList<>();
    long unusual = 0;
    for (Cell c : cells) {
      OptionalDouble score = Unusual.score(c.value(), c.history());
      boolean flagged = Unusual.flagged(score);
      unusual += flagged ? 1 : 0;
      rows.add(
          new Row(
              c.territoryName(),
              messages.get(locale, "chart.sex." + c.sex()),
              sources ? c.source() : null,
              NumberText.number(c.value(), decimals, locale),
              parts(c, locale),
              NumberText.number(c.previous(), decimals, locale),
              NumberText.number(c.yearBefore(), decimals, locale),
              change(c.value(), c.previous(), decimals, locale),
              c.provisional(),
              flagged,
              score.isPresent() ? NumberText.number(score.getAsDouble(), 1, locale) : null));
    }
    String label = f.label(p.start());
    return new Item(
        p.code() + "|" + label,
        p.code(),
        p.name(),
        label,
        f.label(previous),
        f.label(yearBefore),
        p.cells(),
        p.provisional(),
        Dates.moment(p.changed(), locale),
        p.approvedAt() != null,
        unusual,
        rows);
  }

  static LocalDate previous(Frequency f, LocalDate start) {
    return switch (f) {
      case MONTHLY -> start.minusMonths(1);
      case QUARTERLY -> start.minusMonths(3);
      case ANNUAL -> start.minusYears(1);
    };
  }

  private static String parts(Cell c, Locale locale) {
    if (c.numerator() == null || c.denominator() == null) {
      return null;
    }
    return NumberText.number(c.numerator(), 0, locale)
        + " / "
        + NumberText.number(c.denominator(), 0, locale);
  }

  /** The change from the previous period: the difference, and in % when the base is not zero. */
  static String change(double value, Double previous, int decimals, Locale locale) {
    if (previous == null) {
      return "—";
    }
    double diff = value - previous;
    String sign = diff > 0 ? "+" : "";
    String text = sign + NumberText.number(diff, decimals, locale);
    if (previous != 0) {
      text += " (" + sign + NumberText.percent(diff / Math.abs(previous), locale) + ")";
    }
    return text;
  }

  private static String confirmLink(List<Item> items) {
    var uri = io.micronaut.http.uri.UriBuilder.of("/revision/confirmar");
    for (Item i : items) {
      uri.queryParam("p", i.key());
    }
    return uri.build().toString();
  }
}
