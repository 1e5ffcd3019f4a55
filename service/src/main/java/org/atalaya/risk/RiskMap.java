package org.atalaya.risk;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.utils.SecurityService;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.atalaya.audit.AuditLog;
import org.atalaya.publication.Mark;
import org.atalaya.publication.Publication;
import org.atalaya.shared.ApiException;
import org.atalaya.territory.BoundaryService;
import org.atalaya.territory.Territory;
import org.atalaya.territory.TerritoryLevel;
import org.atalaya.territory.TerritoryService;

/**
 * The risk map of places women report as unsafe (the guide: "mapas de riesgo de sitios inseguros
 * para las mujeres"). Reports come in as a file or one by one; each point is placed in its
 * corregimiento, refused when it falls outside the district, and stored only generalised to a grid
 * of about 110 m. Signed-in analysts read the points; everyone else reads counts by corregimiento
 * and by kind, with small counts withheld by the publication layer's rule.
 */
@Singleton
public class RiskMap {
  static final String ENTITY = "unsafe_place";

  private final RiskStore store;
  private final PlaceLocator locator;
  private final TerritoryService territories;
  private final Publication publication;
  private final AuditLog audit;
  private final SecurityService security;
  private final BoundaryService boundaries;
  private final Clock clock;

  RiskMap(
      RiskStore store,
      PlaceLocator locator,
      TerritoryService territories,
      Publication publication,
      AuditLog audit,
      SecurityService security,
      BoundaryService boundaries,
      Clock clock) {
    this.clock = clock;
    this.boundaries = boundaries;
    this.store = store;
    this.locator = locator;
    this.territories = territories;
    this.publication = publication;
    this.audit = audit;
    this.security = security;
  }

  /**
   * What an import did or would do: how many reports, how many in each corregimiento, the columns
   * read past and not kept, and the grid the points were generalised to.
   */
  @Serdeable
  public record ImportResult(
      String file,
      boolean stored,
      int reports,
      Map<String, Long> byCorregimiento,
      List<String> droppedColumns,
      int gridMetres) {}

  /** One corregimiento's count as it may be shown: null and withheld below the small-count rule. */
  @Serdeable
  public record PlaceCount(String code, String name, @Nullable Long count, Mark mark) {}

  /** One kind's count in the district, under the same rule. */
  @Serdeable
  public record KindCount(PlaceKind kind, @Nullable Long count, Mark mark) {}

  /** What anyone may read: counts only, never a point. */
  @Serdeable
  public record Aggregate(
      String district,
      String districtName,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      long total,
      List<PlaceCount> corregimientos,
      List<KindCount> kinds,
      int withheldBelow,
      int gridMetres,
      boolean illustrative) {}

  /**
   * One cell of the public grid with at least one report: its edges in degrees, and its count as it
   * may be shown (null and withheld below the small-count rule).
   */
  @Serdeable
  public record GridCell(
      String code,
      double south,
      double west,
      double north,
      double east,
      @Nullable Long count,
      Mark mark) {}

  /**
   * What anyone may read on the grid: cells of {@code cellMetres} (the district's {@link GridSize},
   * {@code cellDegrees} a side) with at least one report, each count under the small-count rule (a
   * cell under the threshold is withheld, never its count and never a point); cells without reports
   * are not listed.
   */
  @Serdeable
  public record Grid(
      String district,
      String districtName,
      @Nullable LocalDate from,
      @Nullable LocalDate to,
      long total,
      List<GridCell> cells,
      int withheldBelow,
      int cellMetres,
      BigDecimal cellDegrees,
      boolean illustrative) {}

  /** A dry run: the file read and checked, nothing stored. */
  @Transactional(readOnly = true)
  public ImportResult check(String file, Reader csv) throws IOException {
    return result(file, read(file, csv), false);
  }

  /** The whole file stored, or nothing if any row is wrong. */
  @Transactional
  public ImportResult load(String file, Reader csv, boolean illustrative)
      throws IOException, SQLException {
    RiskCsv.Read read = read(file, csv);
    String user = security.username().orElse("sistema");
    for (RiskCsv.Row row : read.rows()) {
      store.insert(row, illustrative, user);
    }
    ImportResult result = result(file, read, true);
    audit.imported(ENTITY, file, result);
    return result;
  }

  /** The name a report from the analysts' form goes by in messages and the audit log. */
  static final String FORM = "formulario";

  /**
   * One report from the analysts' form, read as a one-row file by the import's own reader: the same
   * checks (kind, source, date, a point inside the district) and the same generalisation. A report
   * placed by corregimiento alone gets a point inside that corregimiento's outline.
   */
  @Transactional
  public ImportResult reportOne(
      String kind, String source, String date, String lat, String lon, String corregimiento)
      throws IOException, SQLException {
    String la = lat;
    String lo = lon;
    if (lat.isBlank() && lon.isBlank() && !corregimiento.isBlank()) {
      double[] inside =
          boundaries
              .pointInside(corregimiento)
              .orElseThrow(
                  () -> ApiException.invalid("corregimiento", "noBoundary", corregimiento));
      la = Double.toString(inside[1]);
      lo = Double.toString(inside[0]);
    }
    String csv =
        "latitud,longitud,tipo,fuente,fecha\n"
            + org.apache.commons.csv.CSVFormat.DEFAULT.format(la, lo, kind, source, date)
            + "\n";
    return load(FORM, new java.io.StringReader(csv), false);
  }

  /** An illustrative demo report already placed in its corregimiento; stored generalised. */
  public record Seed(
      String territory,
      PlaceKind kind,
      ReportSource source,
      LocalDate date,
      double lat,
      double lon) {}

  /** Illustrative demo reports, marked so on every page; nothing if any report is stored. */
  @Transactional
  public void seedIllustrative(String file, List<Seed> seeds) throws SQLException {
    if (store.any()) {
      return;
    }
    List<RiskCsv.Row> rows = new ArrayList<>();
    for (Seed s : seeds) {
      var row =
          new RiskCsv.Row(
              rows.size() + 2,
              s.territory(),
              s.kind(),
              s.source(),
              s.date(),
              GridPoint.of(s.lat(), s.lon()));
      store.insert(row, true, "demo");
      rows.add(row);
    }
    audit.imported(ENTITY, file, result(file, new RiskCsv.Read(rows, List.of()), true));
  }

  @Transactional(readOnly = true)
  public List<UnsafePlace> places(@Nullable LocalDate from, @Nullable LocalDate to)
      throws SQLException {
    return store.list(from, to);
  }

  @Transactional(readOnly = true)
  public boolean illustrative() throws SQLException {
    return store.anyIllustrative();
  }

  /** Whether any place was reported, so the plan and the home can link to the map. */
  @Transactional(readOnly = true)
  public boolean hasReports() throws SQLException {
    return store.any();
  }

  /** Counts by corregimiento and by kind in a district (the first one, if none is named). */
  @Transactional(readOnly = true)
  public Aggregate counts(
      @Nullable String district, @Nullable LocalDate from, @Nullable LocalDate to)
      throws SQLException {
    Territory d = district(district);
    LocalDate[] period = period(d, from, to);
    from = period[0];
    to = period[1];
    Map<String, Long> byPlace = store.countsByPlace(d.id(), from, to);
    Set<String> hidden = publication.withheldParts(byPlace);
    Map<String, String> names = new TreeMap<>();
    territories.all().stream()
        .filter(t -> d.id().equals(t.parentId()))
        .forEach(t -> names.put(t.code(), t.name()));
    List<PlaceCount> places = new ArrayList<>();
    byPlace.forEach(
        (code, n) ->
            places.add(
                hidden.contains(code)
                    ? new PlaceCount(code, names.get(code), null, Mark.WITHHELD)
                    : new PlaceCount(code, names.get(code), n, Mark.SHOWN)));
    Map<PlaceKind, Long> byKind = store.countsByKind(d.id(), from, to);
    Map<String, Long> kindParts = new TreeMap<>();
    byKind.forEach((k, n) -> kindParts.put(k.name(), n));
    Set<String> hiddenKinds = publication.withheldParts(kindParts);
    List<KindCount> kinds = new ArrayList<>();
    byKind.forEach(
        (k, n) ->
            kinds.add(
                hiddenKinds.contains(k.name())
                    ? new KindCount(k, null, Mark.WITHHELD)
                    : new KindCount(k, n, Mark.SHOWN)));
    long total = byPlace.values().stream().mapToLong(Long::longValue).sum();
    return new Aggregate(
        d.code(),
        d.name(),
        from,
        to,
        total,
        places,
        kinds,
        publication.smallCountThreshold(),
        GridPoint.CELL_METRES,
        store.anyIllustrative());
  }

  /**
   * Counts on the public grid (cells of the district's {@link GridSize}) in a district (the first
   * one, if none is named): only cells with reports, small counts withheld by the publication
   * layer's rule.
   */
  @Transactional(readOnly = true)
  public Grid grid(@Nullable String district, @Nullable LocalDate from, @Nullable LocalDate to)
      throws SQLException {
    Territory d = district(district);
    LocalDate[] period = period(d, from, to);
    GridSize size = gridSize(d.code());
    double cell = size.degrees().doubleValue();
    Map<String, Long> byCell = store.countsByCell(d.id(), size.degrees(), period[0], period[1]);
    Set<String> hidden = publication.withheldParts(byCell);
    List<GridCell> cells = new ArrayList<>();
    byCell.forEach(
        (key, n) -> {
          String[] rc = key.split(":");
          long row = Long.parseLong(rc[0]);
          long col = Long.parseLong(rc[1]);
          double south = row * cell;
          double west = col * cell;
          boolean withheld = hidden.contains(key);
          cells.add(
              new GridCell(
                  "R" + key.replace(':', 'C').replace("-", "m"),
                  south,
                  west,
                  south + cell,
                  west + cell,
                  withheld ? null : n,
                  withheld ? Mark.WITHHELD : Mark.SHOWN));
        });
    long total = byCell.values().stream().mapToLong(Long::longValue).sum();
    return new Grid(
        d.code(),
        d.name(),
        period[0],
        period[1],
        total,
        cells,
        publication.smallCountThreshold(),
        size.metres(),
        size.degrees(),
        store.anyIllustrative());
  }

  /** The public grid's cell for a district (the first one when none is named). */
  @Transactional(readOnly = true)
  public GridSize gridSize(@Nullable String district) throws SQLException {
    return GridSize.of(boundaries.childrenOf(district(district).code()));
  }

  /**
   * The period a map names: the dates asked for, or from the district's first report to today;
   * never past today (no report is from the future).
   */
  private LocalDate[] period(Territory d, @Nullable LocalDate from, @Nullable LocalDate to)
      throws SQLException {
    LocalDate today = LocalDate.now(clock);
    LocalDate start = from != null ? from : store.firstReported(d.id());
    LocalDate end = to == null || to.isAfter(today) ? today : to;
    return new LocalDate[] {start, end};
  }

  private Territory district(@Nullable String code) {
    if (code != null) {
      Territory t = territories.require(code);
      if (t.level() != TerritoryLevel.DISTRICT) {
        throw ApiException.invalid("distrito", "riskNotDistrict", code);
      }
      return t;
    }
    List<Territory> all = territories.all();
    return all.stream()
        .filter(t -> t.level() == TerritoryLevel.DISTRICT)
        .filter(t -> all.stream().anyMatch(c -> t.id().equals(c.parentId())))
        .findFirst()
        .orElseThrow(() -> ApiException.notFound("territory", "DISTRICT"));
  }

  private RiskCsv.Read read(String file, Reader csv) throws IOException {
    RiskCsv.Locate locate = locator.current();
    return RiskCsv.parse(file, csv, locate, LocalDate.now(clock));
  }

  private static ImportResult result(String file, RiskCsv.Read read, boolean stored) {
    Map<String, Long> byPlace = new TreeMap<>();
    read.rows().forEach(r -> byPlace.merge(r.territory(), 1L, Long::sum));
    return new ImportResult(
        file, stored, read.rows().size(), byPlace, read.dropped(), GridPoint.CELL_METRES);
  }
}
