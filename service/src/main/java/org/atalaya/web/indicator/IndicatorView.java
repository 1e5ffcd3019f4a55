package org.atalaya.web.indicator;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.progress.CellProgress;
import org.atalaya.progress.ProgressStatus;
import org.atalaya.progress.RollUps;
import org.atalaya.publication.Audience;
import org.atalaya.publication.FigureText;
import org.atalaya.publication.Publication;
import org.atalaya.shared.Messages;
import org.atalaya.territory.TerritoryLevel;
import org.atalaya.territory.TerritoryService;
import org.atalaya.web.Filters;
import org.atalaya.web.NumberText;
import org.atalaya.web.chart.ChartBlock;

/** What the indicator page shows, every figure already written in the page's language. */
public record IndicatorView(
    String code,
    String name,
    @Nullable String description,
    String unit,
    @Nullable String plan,
    @Nullable String card,
    List<String> sources,
    FilterForm filters,
    ProgressStatus status,
    @Nullable String statusNote,
    String baseline,
    String latest,
    String target,
    String achievement,
    List<ChartBlock> charts,
    List<Option> places,
    String placeQuery,
    @Nullable RatesSection rates,
    @Nullable RecordSection.Section record,
    List<TargetLine> targets,
    @Nullable String notice,
    @Nullable String gap,
    @Nullable HotSpotSection hotSpots) {

  /**
   * The same page with a note on why the latest district total is missing or incomplete (which
   * corregimientos or sexes did not arrive), from the data calendar.
   */
  public IndicatorView withGap(@Nullable String why) {
    return new IndicatorView(
        code,
        name,
        description,
        unit,
        plan,
        card,
        sources,
        filters,
        status,
        statusNote,
        baseline,
        latest,
        target,
        achievement,
        charts,
        places,
        placeQuery,
        rates,
        record,
        targets,
        notice,
        why,
        hotSpots);
  }

  /** The same page with its rates section (now with its maps). */
  public IndicatorView withRates(@Nullable RatesSection section) {
    return new IndicatorView(
        code,
        name,
        description,
        unit,
        plan,
        card,
        sources,
        filters,
        status,
        statusNote,
        baseline,
        latest,
        target,
        achievement,
        charts,
        places,
        placeQuery,
        section,
        record,
        targets,
        notice,
        gap,
        hotSpots);
  }

  /** One target as people read it: the cell, its baseline, milestones and final value. */
  public record TargetLine(String cell, String baseline, String milestones, String target) {}

  /** The filter form's current values and its choices. */
  public record FilterForm(String asOf, String sex, String territory, List<Option> territories) {}

  public record Option(String value, String label) {}

  @Singleton
  static class Builder {
    private final Publication publication;
    private final TerritoryService territories;
    private final org.atalaya.publication.SmallAreas smallAreas;
    private final org.atalaya.indicator.TargetService targets;
    private final org.atalaya.hotspot.HotSpots hotSpots;

    Builder(
        org.atalaya.indicator.TargetService targets,
        Publication publication,
        TerritoryService territories,
        org.atalaya.publication.SmallAreas smallAreas,
        org.atalaya.hotspot.HotSpots hotSpots) {
      this.hotSpots = hotSpots;
      this.smallAreas = smallAreas;
      this.targets = targets;
      this.publication = publication;
      this.territories = territories;
    }

    IndicatorView of(
        IndicatorDoc doc,
        Filters f,
        Audience audience,
        List<ChartBlock> charts,
        @Nullable RecordSection.Section record,
        @Nullable String notice,
        Locale locale)
        throws SQLException {
      Publication.Cell shown =
          publication.cell(doc.code(), f.asOf(), f.sex(), f.territory(), audience);
      CellProgress cell = shown.progress();
      var kind = doc.kind();
      List<String> sources =
          doc.sources().stream()
              .map(
                  s ->
                      // A name that says "oficial" already says so; "no source given" is none.
                      s.official()
                              && !s.name().toLowerCase(Locale.ROOT).contains("oficial")
                              && !s.name().equals(org.atalaya.indicator.IndicatorService.NO_SOURCE)
                          ? Messages.format(locale, "web.indicator.official", s.name())
                          : s.name())
              .toList();
      return new IndicatorView(
          doc.code(),
          doc.name(),
          doc.description(),
          doc.unit(),
          doc.actionCard() == null ? null : doc.actionCard().plan(),
          doc.actionCard() == null ? null : doc.actionCard().code(),
          sources,
          form(f),
          cell.status(),
          shown.statusNote(locale),
          cell.baseline() == null
              ? "—"
              : FigureText.number(kind, cell.baseline().value(), locale) + " " + doc.unit(),
          shown.latestText(locale),
          shown.targetText(locale),
          shown.statusNote(locale) != null
              ? "—"
              : NumberText.percent(RollUps.clamped(cell.achievement()), locale),
          charts,
          doc.disaggregations().territory() ? places() : List.of(),
          "?" + Filters.AS_OF + "=" + f.asOf() + "&" + Filters.SEX + "=" + f.sex().name(),
          // Always the district's corregimientos; the place the page is filtered to stands out.
          RatesSection.of(
              smallAreas.of(doc.code(), f.asOf(), f.sex(), null, audience),
              doc.unit(),
              f.territory(),
              publication.smallCountThreshold() - 1,
              locale),
          record,
          targetLines(doc, locale),
          notice,
          null,
          HotSpotSection.of(hotSpots.of(doc.code(), f.asOf(), f.sex(), audience), locale));
    }

    /**
     * Targets are definitions, not measured figures: shown as set, the total first. A baseline is a
     * measured period; a milestone or final target is due on the day shown.
     */
    private List<TargetLine> targetLines(IndicatorDoc doc, Locale locale) {
      var frequency = doc.frequency();
      return targets.targets(doc.code()).stream()
          .map(
              t -> {
                String place =
                    territories.find(t.territory()).map(x -> x.name()).orElse(t.territory());
                String cell =
                    Messages.format(locale, "web.entry.sex." + t.sex().name()) + " · " + place;
                String baseline =
                    number(doc, t.baseline().value(), locale)
                        + " ("
                        + baselineText(frequency, t.baseline().period(), locale)
                        + ")";
                String milestones =
                    t.milestones().isEmpty()
                        ? "—"
                        : String.join(
                            "; ", t.milestones().stream().map(m -> due(doc, m, locale)).toList());
                return new TargetLine(cell, baseline, milestones, due(doc, t.target(), locale));
              })
          .toList();
    }

    /** The baseline's period in words, or its day when it is no period's first day. */
    private static String baselineText(
        org.atalaya.indicator.Frequency frequency, java.time.LocalDate day, Locale locale) {
      return frequency.isStart(day)
          ? org.atalaya.shared.Periods.text(frequency.label(day), locale)
          : org.atalaya.shared.Dates.day(day, locale);
    }

    private static String due(IndicatorDoc doc, IndicatorDoc.Point p, Locale locale) {
      return number(doc, p.value(), locale)
          + " ("
          + org.atalaya.shared.Dates.day(p.period(), locale)
          + ")";
    }

    private static String number(IndicatorDoc doc, java.math.BigDecimal v, Locale locale) {
      return FigureText.number(doc.kind(), v.doubleValue(), locale) + " " + doc.unit();
    }

    /** The corregimientos, each with its own page (the district's parts on the bar chart). */
    private List<Option> places() {
      return territories.all().stream()
          .filter(t -> t.level() == TerritoryLevel.CORREGIMIENTO)
          .map(t -> new Option(t.code(), t.name()))
          .toList();
    }

    FilterForm form(Filters f) {
      List<Option> places =
          territories.all().stream().map(t -> new Option(t.code(), t.name())).toList();
      return new FilterForm(
          f.asOf().toString(), f.sex().name(), f.territory() == null ? "" : f.territory(), places);
    }
  }
}
