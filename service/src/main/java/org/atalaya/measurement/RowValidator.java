package org.atalaya.measurement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.atalaya.indicator.IndicatorKind;
import org.atalaya.indicator.Sex;
import org.atalaya.measurement.Catalog.IndicatorInfo;
import org.atalaya.measurement.Columns.Layout;
import org.atalaya.shared.CellLimits;

/**
 * Checks one row on its own (what needs other rows — duplicates, parts and totals — is checked in
 * SQL once the file is staged). Every problem of the row is reported, not just the first.
 */
final class RowValidator {
  private static final int MAX_DIGITS = 14;

  /** Starts like a number (or NaN, Infinity): refused for its form, not as text. */
  private static final java.util.regex.Pattern NUMBER_LIKE =
      java.util.regex.Pattern.compile("[+-]?(\\d|\\.\\d|NaN|Infinity)");

  // Compiled once: a million-row upload checks every row against them.
  private static final java.util.regex.Pattern DECIMAL_COMMA =
      java.util.regex.Pattern.compile("-?\\d+,\\d+");
  private static final java.util.regex.Pattern AGE_GROUP =
      java.util.regex.Pattern.compile("[A-Za-z0-9_+.-]{1,20}");

  /** Distinct texts remembered per upload: a file holds a few hundred periods and age groups. */
  private static final int REMEMBERED = 4096;

  private final Catalog catalog;
  private final Layout layout;
  private final LocalDate today;
  // Built once per upload: each period's text read by frequency, each age group that passed.
  private final java.util.Map<org.atalaya.indicator.Frequency, java.util.Map<String, LocalDate>>
      periods = new java.util.EnumMap<>(org.atalaya.indicator.Frequency.class);
  private final java.util.Set<String> ageGroups = new java.util.HashSet<>();

  RowValidator(Catalog catalog, Layout layout, LocalDate today) {
    this.catalog = catalog;
    this.layout = layout;
    this.today = today;
  }

  Optional<StagedRow> check(long row, List<String> cells, Consumer<RowProblem> problems) {
    var p = new Problems(row, problems);
    String indicatorCode = cell(cells, Columns.INDICATOR);
    IndicatorInfo indicator = catalog.indicators().get(indicatorCode);
    if (indicator == null) {
      p.add(
          Columns.INDICATOR,
          indicatorCode,
          indicatorCode.isEmpty() ? "required" : "unknownIndicator");
    }
    LocalDate period = indicator == null ? null : period(indicator, cells, p);
    String sex = sex(indicator, cells, p);
    Long territory = territory(indicator, cells, p);
    String age = age(indicator, cells, p);
    Long source = indicator == null ? null : source(indicator, cells, p);
    BigDecimal value = number(Columns.VALUE, cells, p, true);
    BigDecimal numerator = number(Columns.NUMERATOR, cells, p, false);
    BigDecimal denominator = number(Columns.DENOMINATOR, cells, p, false);
    String status = status(cells, p);
    if (indicator != null) {
      amounts(indicator.kind(), value, numerator, denominator, cells, p);
    }
    if (p.count > 0) {
      return Optional.empty();
    }
    return Optional.of(
        new StagedRow(
            row,
            indicator.id(),
            period,
            sex,
            territory,
            age,
            source,
            value,
            numerator,
            denominator,
            status));
  }

  private String cell(List<String> cells, Columns column) {
    return layout.cell(cells, column);
  }

  private LocalDate period(IndicatorInfo indicator, List<String> cells, Problems p) {
    String text = cell(cells, Columns.PERIOD);
    if (text.isEmpty()) {
      p.add(Columns.PERIOD, text, "required");
      return null;
    }
    Optional<LocalDate> parsed = parse(indicator.frequency(), text);
    if (parsed.isEmpty()) {
      p.add(
          Columns.PERIOD,
          text,
          "periodFormat",
          indicator.frequency().name(),
          indicator.frequency().label(LocalDate.of(2025, 1, 1)),
          indicator.frequency().ordinal());
      return null;
    }
    if (parsed.get().isAfter(today)) {
      p.add(Columns.PERIOD, text, "future");
    }
    return parsed.get();
  }

  /** The period's text read once per upload (valid ones only: a bad one is reported each time). */
  private Optional<LocalDate> parse(org.atalaya.indicator.Frequency frequency, String text) {
    var known = periods.computeIfAbsent(frequency, f -> new java.util.HashMap<>());
    LocalDate period = known.get(text);
    if (period != null) {
      return Optional.of(period);
    }
    Optional<LocalDate> parsed = frequency.parse(text);
    if (parsed.isPresent() && known.size() < REMEMBERED) {
      known.put(text, parsed.get());
    }
    return parsed;
  }

  private String sex(IndicatorInfo indicator, List<String> cells, Problems p) {
    String text = cell(cells, Columns.SEX);
    if (text.isEmpty()) {
      return Sex._T.name();
    }
    Optional<Sex> sex = Sex.fromCode(text.toUpperCase(java.util.Locale.ROOT));
    if (sex.isEmpty()) {
      p.add(Columns.SEX, text, "sexCode");
      return null;
    }
    if (sex.get() != Sex._T && indicator != null && !indicator.bySex()) {
      p.add(Columns.SEX, text, "notDisaggregated", "sexo");
    }
    return sex.get().name();
  }

  private Long territory(IndicatorInfo indicator, List<String> cells, Problems p) {
    String text = cell(cells, Columns.TERRITORY);
    Optional<Long> district =
        indicator != null && indicator.district().isPresent()
            ? indicator.district()
            : catalog.district();
    if (text.isEmpty()) {
      if (district.isEmpty()) {
        p.add(Columns.TERRITORY, text, "required");
      }
      return district.orElse(null);
    }
    Long id = catalog.territories().get(text);
    if (id == null) {
      p.add(Columns.TERRITORY, text, "unknownTerritory", text);
      return null;
    }
    boolean total = district.map(id::equals).orElse(false);
    if (!total && indicator != null && !indicator.byTerritory()) {
      p.add(Columns.TERRITORY, text, "notDisaggregated", "territorio");
    }
    return id;
  }

  private String age(IndicatorInfo indicator, List<String> cells, Problems p) {
    String text = cell(cells, Columns.AGE_GROUP);
    if (text.isEmpty() || text.equals("_T")) {
      return "_T";
    }
    if (!ageGroups.contains(text)) {
      if (!AGE_GROUP.matcher(text).matches()) {
        p.add(Columns.AGE_GROUP, text, "ageGroup");
        return null;
      }
      if (ageGroups.size() < REMEMBERED) {
        ageGroups.add(text);
      }
    }
    if (indicator != null && !indicator.byAgeGroup()) {
      p.add(Columns.AGE_GROUP, text, "notDisaggregated", "grupo de edad");
    }
    return text;
  }

  private Long source(IndicatorInfo indicator, List<String> cells, Problems p) {
    String text = cell(cells, Columns.SOURCE);
    if (text.isEmpty()) {
      return indicator.officialSource();
    }
    Long id = indicator.sources().get(text);
    if (id == null) {
      p.add(
          Columns.SOURCE,
          text,
          "unknownSource",
          text,
          String.join(", ", indicator.sources().keySet()));
    }
    return id;
  }

  private BigDecimal number(Columns column, List<String> cells, Problems p, boolean required) {
    String text = cell(cells, column);
    if (text.isEmpty()) {
      if (required) {
        p.add(column, text, "required");
      }
      return null;
    }
    if (wholeNumber(text)) { // most cells: read without a pattern, as exactly
      return BigDecimal.valueOf(Long.parseLong(text));
    }
    boolean plain = CellLimits.plainDecimal(text); // never holds a comma
    if (!plain && DECIMAL_COMMA.matcher(text).matches()) {
      p.add(column, text, "decimalComma", text.replace(',', '.'));
      return null;
    }
    if (!plain) {
      p.add(column, text, NUMBER_LIKE.matcher(text).lookingAt() ? "numberForm" : "notNumber");
      return null;
    }
    try {
      BigDecimal n = new BigDecimal(text);
      if ((long) n.precision() - n.scale() > MAX_DIGITS) {
        p.add(column, text, "Digits", MAX_DIGITS, 6);
        return null;
      }
      // Spreadsheets carry 15 significant digits (3/52000*100000 = 5.76923076923077): six
      // decimals are kept, as the column stores them.
      return n.scale() > 6 ? n.setScale(6, java.math.RoundingMode.HALF_EVEN) : n;
    } catch (NumberFormatException e) {
      p.add(column, text, "notNumber");
      return null;
    }
  }

  /** Digits only, fewer than {@link #MAX_DIGITS}: a plain decimal that fits a long. */
  private static boolean wholeNumber(String text) {
    int n = text.length();
    if (n == 0 || n > MAX_DIGITS) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private String status(List<String> cells, Problems p) {
    String text = cell(cells, Columns.STATUS).toUpperCase(java.util.Locale.ROOT);
    return switch (text) {
      case "", "PROVISIONAL" -> "PROVISIONAL";
      case "VALIDATED", "VALIDADO" -> "VALIDATED";
      default -> {
        p.add(Columns.STATUS, cell(cells, Columns.STATUS), "statusCode");
        yield null;
      }
    };
  }

  private void amounts(
      IndicatorKind kind,
      BigDecimal value,
      BigDecimal numerator,
      BigDecimal denominator,
      List<String> cells,
      Problems p) {
    if (value != null && value.signum() < 0 && kind == IndicatorKind.COUNT) {
      p.add(Columns.VALUE, cell(cells, Columns.VALUE), "negativeCount");
    }
    if (numerator != null && numerator.signum() < 0) {
      p.add(Columns.NUMERATOR, cell(cells, Columns.NUMERATOR), "negativeCount");
    }
    if (denominator != null && denominator.signum() <= 0) {
      p.add(Columns.DENOMINATOR, cell(cells, Columns.DENOMINATOR), "denominatorPositive");
    }
    if ((numerator == null) != (denominator == null)
        && !(cell(cells, Columns.NUMERATOR).isEmpty() && cell(cells, Columns.DENOMINATOR).isEmpty())
        && (kind == IndicatorKind.RATE || kind == IndicatorKind.PROPORTION)) {
      Columns missing = numerator == null ? Columns.NUMERATOR : Columns.DENOMINATOR;
      if (cell(cells, missing).isEmpty()) {
        p.add(missing, "", "bothOrNeither");
      }
    }
    if (kind == IndicatorKind.PROPORTION
        && numerator != null
        && denominator != null
        && numerator.compareTo(denominator) > 0) {
      p.add(
          Columns.NUMERATOR,
          cell(cells, Columns.NUMERATOR),
          "numeratorAboveDenominator",
          denominator.toPlainString());
    }
  }

  /** Collects a row's problems, naming each column as the file does. */
  private final class Problems {
    private final long row;
    private final Consumer<RowProblem> sink;
    private int count;

    Problems(long row, Consumer<RowProblem> sink) {
      this.row = row;
      this.sink = sink;
    }

    void add(Columns column, String value, String rule, Object... args) {
      count++;
      sink.accept(RowProblem.of(row, layout.name(column), value, rule, args));
    }
  }
}
