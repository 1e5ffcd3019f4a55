package org.atalaya.web.entry;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.indicator.IndicatorKind;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.measurement.PeriodCells;
import org.atalaya.measurement.Revision;
import org.atalaya.measurement.UploadView;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.Messages;
import org.atalaya.territory.TerritoryLevel;
import org.atalaya.territory.TerritoryService;
import org.atalaya.web.entry.EntryPage.Choice;

/** Builds the grid page: the chooser, the grid prefilled or as typed, and the preview in words. */
@Singleton
class GridPages {
  private final IndicatorService indicators;
  private final TerritoryService territories;
  private final PeriodCells stored;
  private final Messages messages;

  GridPages(
      IndicatorService indicators,
      TerritoryService territories,
      PeriodCells stored,
      Messages messages) {
    this.indicators = indicators;
    this.territories = territories;
    this.stored = stored;
    this.messages = messages;
  }

  /** The grid asked for, or the page that says why it cannot be drawn. */
  record Chosen(@Nullable Grid grid, @Nullable GridPage refused, @Nullable IndicatorDoc doc) {}

  GridPage stored(
      @Nullable String code,
      @Nullable String period,
      @Nullable String source,
      @Nullable String saved,
      Locale locale) {
    if (code == null || code.isBlank()) {
      return blank(null, null, null, locale);
    }
    Chosen chosen = choose(code, period, source, locale);
    if (chosen.refused() != null) {
      return chosen.refused();
    }
    Grid grid = chosen.grid();
    LocalDate start = chosen.doc().frequency().parse(grid.period()).orElseThrow();
    Map<String, String> values = new HashMap<>();
    for (PeriodCells.Stored s : stored.of(grid.indicator(), start, grid.source())) {
      if (grid.rateBase() == null) {
        values.put(Grid.field("v", s.territory(), s.sex()), plain(s.value()));
      } else {
        values.put(Grid.field("n", s.territory(), s.sex()), plain(s.numerator()));
        values.put(Grid.field("d", s.territory(), s.sex()), plain(s.denominator()));
      }
    }
    return page(chosen, values, false, null, null, List.of(), false, saved, locale);
  }

  Chosen chosen(Map<String, String> form, Locale locale) {
    return choose(form.get("indicator"), form.get("period"), form.get("source"), locale);
  }

  GridPage typed(
      Chosen chosen,
      Map<String, String> form,
      UploadView report,
      Grid.Rows rows,
      @Nullable String reason,
      Locale locale) {
    Map<String, String> values = new HashMap<>();
    form.forEach(
        (k, v) -> {
          if (k.matches("[vnd]_.+") && v != null) {
            values.put(k, v);
          }
        });
    List<String> problems = new ArrayList<>();
    for (UploadView.Line line : report.errors()) {
      problems.add(
          where(rows, line.row(), locale) + column(line.column(), locale) + line.message());
    }
    boolean canSave = report.rejected() == 0 && report.accepted() > 0;
    GridPage page =
        page(
            chosen,
            values,
            "on".equals(form.get("ceros")),
            reason,
            report,
            problems,
            canSave,
            null,
            locale);
    return page;
  }

  private String where(Grid.Rows rows, long row, Locale locale) {
    if (row < 1 || row > rows.cells().size()) {
      return "";
    }
    Grid.Placed cell = rows.cells().get((int) row - 1);
    String place = territories.find(cell.place()).map(t -> t.name()).orElse(cell.place());
    return place + ", " + messages.get(locale, "chart.sex." + cell.sex()) + ": ";
  }

  private String column(String column, Locale locale) {
    return switch (column) {
      case "value", "numerator", "denominator", "period", "source" ->
          messages.get(locale, "work.grid.column." + column) + " — ";
      default -> "";
    };
  }

  private Chosen choose(
      @Nullable String code, @Nullable String period, @Nullable String source, Locale locale) {
    IndicatorDoc doc;
    try {
      doc = indicators.get(code == null ? "" : code.strip());
    } catch (ApiException e) {
      String why = messages.get(locale, "work.grid.unknownIndicator", code);
      return new Chosen(null, blank(code, period, why, locale), null);
    }
    String example = doc.frequency().label(LocalDate.of(2025, 1, 1));
    Optional<LocalDate> start = doc.frequency().parse(period == null ? "" : period);
    if (start.isEmpty()) {
      String why =
          messages.get(locale, "work.grid.badPeriod", period == null ? "" : period, example);
      return new Chosen(null, blank(code, period, why, locale), null);
    }
    String src = source == null || source.isBlank() ? null : source.strip();
    boolean bySex = doc.disaggregations() != null && doc.disaggregations().sex();
    boolean byPlace = doc.disaggregations() != null && doc.disaggregations().territory();
    List<String> places =
        territories.list().stream()
            .filter(
                t ->
                    byPlace
                        ? t.level() == TerritoryLevel.CORREGIMIENTO
                        : t.level() == TerritoryLevel.DISTRICT)
            .map(t -> t.code())
            .toList();
    List<String> sexes = bySex ? List.of("F", "M") : List.of("_T");
    Integer base = doc.kind() == IndicatorKind.RATE ? doc.rateBase() : null;
    Grid grid = new Grid(doc.code(), doc.frequency().label(start.get()), src, places, sexes, base);
    return new Chosen(grid, null, doc);
  }

  private GridPage page(
      Chosen chosen,
      Map<String, String> values,
      boolean zeros,
      @Nullable String reason,
      @Nullable UploadView report,
      List<String> problems,
      boolean canSave,
      @Nullable String saved,
      Locale locale) {
    Grid grid = chosen.grid();
    IndicatorDoc doc = chosen.doc();
    List<Choice> places =
        grid.places().stream()
            .map(c -> new Choice(c, territories.find(c).map(t -> t.name()).orElse(c)))
            .toList();
    List<Choice> sexes =
        grid.sexes().stream()
            .map(s -> new Choice(s, messages.get(locale, "chart.sex." + s)))
            .toList();
    List<Choice> sources =
        doc.sources().size() < 2
            ? List.of()
            : doc.sources().stream().map(s -> new Choice(s.code(), s.name())).toList();
    List<String> revisions =
        report == null
            ? List.of()
            : report.revisions().stream().map(r -> revision(r, locale)).toList();
    return new GridPage(
        choices(),
        grid.indicator(),
        doc.name(),
        grid.period(),
        doc.frequency().label(LocalDate.of(2025, 1, 1)),
        sources,
        grid.source(),
        places,
        sexes,
        grid.rateBase() != null,
        doc.kind() != IndicatorKind.COUNT,
        values,
        zeros,
        reason,
        report,
        problems,
        revisions,
        canSave,
        saved,
        null);
  }

  private String revision(Revision r, Locale locale) {
    String place = territories.find(r.territory()).map(t -> t.name()).orElse(r.territory());
    return messages.get(
        locale,
        "work.grid.revision",
        place,
        messages.get(locale, "chart.sex." + r.sex()),
        r.oldValue().toPlainString(),
        r.newValue().toPlainString());
  }

  private GridPage blank(
      @Nullable String code, @Nullable String period, @Nullable String error, Locale locale) {
    return new GridPage(
        choices(), code, null, period, "2025-03", List.of(), null, List.of(), List.of(), false,
        false, Map.of(), false, null, null, List.of(), List.of(), false, null, error);
  }

  private List<Choice> choices() {
    return indicators.list(null).stream()
        .map(i -> new Choice(i.code(), i.code() + " — " + i.name()))
        .toList();
  }

  private static String plain(@Nullable BigDecimal n) {
    return n == null ? "" : n.stripTrailingZeros().toPlainString();
  }
}
