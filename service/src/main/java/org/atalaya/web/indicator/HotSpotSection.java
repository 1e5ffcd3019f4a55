package org.atalaya.web.indicator;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Locale;
import org.atalaya.hotspot.HotSpots;
import org.atalaya.shared.Messages;
import org.atalaya.shared.Periods;

/**
 * Persistent hot spots of an indicator as a person reads them: the rule in words with the periods
 * it judged, and each corregimiento that stays in the worst fifth with the periods it was there.
 */
public record HotSpotSection(
    String indicator, String name, String rule, List<Row> rows, String none) {

  public record Row(String code, String name, String periods) {}

  /** The section, or null when the rule does not apply or judged no period. */
  public static @Nullable HotSpotSection of(@Nullable HotSpots.Found found, Locale locale) {
    if (found == null || found.periods().isEmpty()) {
      return null;
    }
    String rule =
        Messages.format(
            locale,
            found.higherIsWorse() ? "web.hotspots.ruleHigh" : "web.hotspots.ruleLow",
            found.needed(),
            found.window(),
            join(found.periods(), locale));
    List<Row> rows =
        found.spots().stream()
            .map(s -> new Row(s.code(), s.name(), join(s.periods(), locale)))
            .toList();
    return new HotSpotSection(
        found.indicator(), found.name(), rule, rows, Messages.format(locale, "web.hotspots.none"));
  }

  private static String join(List<String> codes, Locale locale) {
    List<String> periods = codes.stream().map(c -> Periods.text(c, locale)).toList();
    if (periods.size() < 2) {
      return String.join("", periods);
    }
    return String.join(", ", periods.subList(0, periods.size() - 1))
        + Messages.format(locale, "web.hotspots.and")
        + periods.get(periods.size() - 1);
  }
}
