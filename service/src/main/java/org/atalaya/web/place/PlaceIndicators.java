package org.atalaya.web.place;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.atalaya.plan.PlanService;
import org.atalaya.plan.PlanStatus;
import org.atalaya.progress.CellProgress;
import org.atalaya.publication.Audience;
import org.atalaya.publication.FigureText;
import org.atalaya.publication.Mark;
import org.atalaya.publication.Publication;
import org.atalaya.territory.Territory;
import org.atalaya.territory.TerritoryService;
import org.atalaya.web.Filters;
import org.atalaya.web.NumberText;
import org.atalaya.web.chart.ChartBlock;
import org.atalaya.web.indicator.IndicatorView;

/**
 * The indicators a place has figures for. "In force" means the plan covers the place (its territory
 * is the place or one above it) and had not ended by the cut-off date; the public sees published
 * plans only, as on every reading page.
 */
@Singleton
class PlaceIndicators {
  private final PlanService plans;
  private final Publication publication;
  private final TerritoryService territories;

  PlaceIndicators(PlanService plans, Publication publication, TerritoryService territories) {
    this.plans = plans;
    this.publication = publication;
    this.territories = territories;
  }

  record Found(List<PlanFound> plans, List<String> codes, boolean allPublished) {}

  record PlanFound(String code, String name, List<Cell> cells) {}

  record Cell(Publication.Cell cell, String axis) {}

  Found find(Territory place, Filters f, boolean staff, Locale locale) throws SQLException {
    List<String> above = ancestors(place);
    List<PlanFound> found = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    boolean allPublished = true;
    for (PlanService.PlanSummary plan : plans.list(staff)) {
      if (!above.contains(plan.territory()) || plan.periodEnd().isBefore(f.asOf())) {
        continue;
      }
      allPublished &= plan.status() == PlanStatus.PUBLISHED;
      List<Cell> cells = new ArrayList<>();
      var level =
          publication.plan(plan.code(), f.asOf(), f.sex(), place.code(), Audience.of(staff));
      for (Publication.Level axis : level.children()) {
        for (Publication.Level card : axis.children()) {
          for (Publication.Cell cell : card.indicators()) {
            if (cell.mark() != Mark.NO_DATA && !codes.contains(cell.code())) {
              codes.add(cell.code());
              cells.add(new Cell(cell, axis.name()));
            }
          }
        }
      }
      found.add(new PlanFound(plan.code(), plan.name(), cells));
    }
    return new Found(found, codes, allPublished);
  }

  PlaceView view(
      Territory place,
      Filters f,
      Found found,
      String query,
      @Nullable ChartBlock panels,
      Locale locale) {
    List<PlaceView.PlanBlock> blocks = new ArrayList<>();
    for (PlanFound plan : found.plans()) {
      List<PlaceView.Row> rows = new ArrayList<>();
      for (Cell c : plan.cells()) {
        int decimals = FigureText.decimals(c.cell().kind());
        CellProgress p = c.cell().progress();
        rows.add(
            new PlaceView.Row(
                c.cell().code(),
                c.cell().name(),
                c.axis(),
                c.cell().unit(),
                p.status(),
                c.cell().statusNote(locale),
                c.cell().latestText(locale),
                c.cell().targetText(locale),
                c.cell().mark().hasValue() ? change(p, decimals, locale) : "—"));
      }
      blocks.add(new PlaceView.PlanBlock(plan.code(), plan.name(), rows));
    }
    // "Distrito de La Chorrera" above a corregimiento, "Corregimiento de Barrio Colón" above a
    // barrio: the word is the parent's own level.
    String parent =
        place.parentId() == null
            ? null
            : territories
                .byId(place.parentId())
                .map(
                    t ->
                        org.atalaya.shared.Messages.format(
                            locale, "web.place.in." + t.level().name(), t.name()))
                .orElse(null);
    var form = new IndicatorView.FilterForm(f.asOf().toString(), f.sex().name(), "", List.of());
    return new PlaceView(
        place.code(),
        place.name(),
        parent,
        NumberText.date(f.asOf(), locale),
        query,
        form,
        blocks,
        panels);
  }

  /** Latest less baseline, with its sign: "+1,5", "−2,0" (the minus as the locale writes it). */
  private static String change(CellProgress p, int decimals, Locale locale) {
    if (p.latest() == null || p.baseline() == null) {
      return "—";
    }
    double d = p.latest().value() - p.baseline().value();
    String text = NumberText.number(d, decimals, locale);
    return d > 0 && !text.startsWith("+") ? "+" + text : text;
  }

  /** The place's code and those of every territory above it. */
  private List<String> ancestors(Territory place) {
    List<String> codes = new ArrayList<>();
    Territory t = place;
    while (t != null) {
      codes.add(t.code());
      t = t.parentId() == null ? null : territories.byId(t.parentId()).orElse(null);
    }
    return codes;
  }
}
