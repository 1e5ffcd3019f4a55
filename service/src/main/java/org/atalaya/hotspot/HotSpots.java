package org.atalaya.hotspot;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.atalaya.indicator.Direction;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.indicator.Sex;
import org.atalaya.publication.Audience;
import org.atalaya.publication.Figure;
import org.atalaya.publication.Publication;
import org.atalaya.shared.DataVersion;
import org.atalaya.shared.PerVersion;

/**
 * Which corregimientos stay in the worst fifth of an indicator ({@link Persistence}), read from the
 * figures the publication layer gives each place for this audience: a withheld cell is never a
 * number here, so it never puts a place in or out of the fifth. An answer is kept until the data
 * changes: a signed-in plan page asks for every indicator's, each one series per corregimiento.
 */
@Singleton
public class HotSpots {
  private final Publication publication;
  private final IndicatorService indicators;
  private final TransactionOperations<Connection> transactions;
  private final PerVersion<Key, Found> kept;

  /** Answers kept at most; beyond, the memory starts afresh. */
  static final int MAX_KEPT = 2_000;

  private record Key(String code, LocalDate asOf, Sex sex, Audience audience) {}

  HotSpots(
      Publication publication,
      IndicatorService indicators,
      DataVersion versions,
      TransactionOperations<Connection> transactions) {
    this.publication = publication;
    this.indicators = indicators;
    this.kept = new PerVersion<>(versions, MAX_KEPT);
    this.transactions = transactions;
  }

  /** A hot spot in words: the place and the periods it stood in the worst fifth. */
  @Serdeable
  public record Spot(String code, String name, List<String> periods) {}

  /**
   * The rule's answer for one indicator: the periods judged and the spots; {@code higherIsWorse}
   * says which end is the worst.
   */
  @Serdeable
  public record Found(
      String indicator,
      String name,
      boolean higherIsWorse,
      int window,
      int needed,
      List<String> periods,
      List<Spot> spots) {}

  /**
   * Null when the indicator has no breakdown by corregimiento or no direction to judge by (one to
   * be maintained).
   */
  public @Nullable Found of(String code, LocalDate asOf, Sex sex, Audience audience)
      throws SQLException {
    if (transactions.findTransactionStatus().isPresent()) {
      return fresh(code, asOf, sex, audience); // a transaction may see its own writes
    }
    // Computed once per data version, however many pages ask at once after a change.
    return kept.get(new Key(code, asOf, sex, audience), () -> fresh(code, asOf, sex, audience));
  }

  private @Nullable Found fresh(String code, LocalDate asOf, Sex sex, Audience audience)
      throws SQLException {
    IndicatorDoc doc = indicators.get(code);
    if (!doc.disaggregations().territory() || doc.direction() == Direction.MAINTAIN) {
      return null;
    }
    Map<String, Map<LocalDate, Double>> values = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    // Every corregimiento of the indicator's district in one read, the same figures as one read
    // per place.
    for (Publication.PlaceFigures place :
        publication.seriesOfPlaces(doc, sex, null, asOf, audience)) {
      Map<LocalDate, Double> shown = new LinkedHashMap<>();
      for (Figure f : place.figures()) {
        if (f.mark().hasValue()) {
          shown.put(f.start(), f.value());
        }
      }
      values.put(place.territory(), shown);
      names.put(place.territory(), place.name());
    }
    boolean higherIsWorse = doc.direction() == Direction.DECREASE;
    Persistence rule = Persistence.DEFAULT;
    Persistence.Result result = rule.apply(values, higherIsWorse);
    return new Found(
        code,
        doc.name(),
        higherIsWorse,
        rule.window(),
        rule.needed(),
        result.periods().stream().map(p -> doc.frequency().label(p)).toList(),
        result.spots().stream()
            .map(
                s ->
                    new Spot(
                        s.place(),
                        names.get(s.place()),
                        s.periods().stream().map(p -> doc.frequency().label(p)).toList()))
            .toList());
  }
}
