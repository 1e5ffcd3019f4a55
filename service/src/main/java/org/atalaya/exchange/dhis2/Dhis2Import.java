package org.atalaya.exchange.dhis2;

import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.indicator.IndicatorService;
import org.atalaya.measurement.MeasurementImport;
import org.atalaya.measurement.UploadView;
import org.atalaya.shared.Messages;

/**
 * Imports DHIS2 data values through Atalaya's own ingestion (the same checks, revisions, audit and
 * all-or-nothing merge as an upload): each value is translated by the mapping — data element to
 * indicator, combo to sex, org unit to territory, DHIS2 period to ours — and a value that cannot be
 * translated is a conflict. Any conflict stores nothing.
 */
@Singleton
class Dhis2Import {
  static final List<String> HEADER = List.of("indicador", "periodo", "sexo", "territorio", "valor");

  private final MeasurementImport measurements;
  private final IndicatorService indicators;

  Dhis2Import(MeasurementImport measurements, IndicatorService indicators) {
    this.measurements = measurements;
    this.indicators = indicators;
  }

  ImportSummary run(
      String file,
      List<Dhis2Value> values,
      Dhis2Mapping mapping,
      boolean dryRun,
      String user,
      Locale locale)
      throws IOException {
    List<ImportSummary.Conflict> conflicts = new ArrayList<>();
    Map<Long, List<String>> rows = new LinkedHashMap<>();
    for (Dhis2Value v : values) {
      String indicator = mapping.indicator(v.dataElement()).orElse(null);
      String sex = mapping.sex(v.categoryOptionCombo()).orElse(null);
      String territory = mapping.territory(v.orgUnit()).orElse(null);
      int before = conflicts.size();
      if (indicator == null) {
        conflicts.add(conflict(locale, v, v.dataElement(), "dataElement", "dataElement"));
      }
      if (sex == null) {
        conflicts.add(conflict(locale, v, v.categoryOptionCombo(), "categoryOptionCombo", "combo"));
      }
      if (territory == null) {
        conflicts.add(conflict(locale, v, v.orgUnit(), "orgUnit", "orgUnit"));
      }
      String period = null;
      Dhis2Periods.Result read = Dhis2Periods.read(v.period());
      if (read instanceof Dhis2Periods.Refused r) {
        conflicts.add(conflict(locale, v, v.period(), "period", r.reason()));
      } else if (read instanceof Dhis2Periods.Ours p) {
        IndicatorDoc doc = indicator == null ? null : doc(indicator);
        if (doc != null && doc.frequency() != p.frequency()) {
          conflicts.add(conflict(locale, v, v.period(), "period", "frequency"));
        } else {
          period = p.label();
        }
      }
      if (conflicts.size() == before) {
        rows.put(v.row(), List.of(indicator, period, sex, territory, v.value()));
      }
    }
    if (!conflicts.isEmpty()) {
      return summary(locale, dryRun, false, 0, 0, 0, values.size(), conflicts);
    }
    UploadView upload = measurements.rows(file, HEADER, rows, dryRun, null, user, locale);
    for (UploadView.Line e : upload.errors()) {
      conflicts.add(
          new ImportSummary.Conflict(
              e.value(), e.message(), property(e.column()), List.of(e.row())));
    }
    long ignored = upload.unchanged() + upload.rejected();
    return summary(
        locale,
        dryRun,
        upload.committed() || (dryRun && upload.errors().isEmpty()),
        upload.inserted(),
        upload.revised(),
        ignored,
        values.size(),
        conflicts);
  }

  /** The mapped indicator, or null when it does not exist (the ingestion then names it). */
  private IndicatorDoc doc(String code) {
    try {
      return indicators.get(code);
    } catch (org.atalaya.shared.ApiException e) {
      return null;
    }
  }

  private static String property(String column) {
    return switch (column) {
      case "indicador" -> "dataElement";
      case "periodo" -> "period";
      case "sexo" -> "categoryOptionCombo";
      case "territorio" -> "orgUnit";
      case "valor" -> "value";
      default -> column;
    };
  }

  private static ImportSummary.Conflict conflict(
      Locale locale, Dhis2Value v, String object, String property, String reason) {
    return new ImportSummary.Conflict(
        object,
        Messages.format(locale, "dhis2.conflict." + reason, object, v.row()),
        property,
        List.of(v.row()));
  }

  private static ImportSummary summary(
      Locale locale,
      boolean dryRun,
      boolean ok,
      long imported,
      long updated,
      long ignored,
      long total,
      List<ImportSummary.Conflict> conflicts) {
    String status = ok ? "SUCCESS" : "ERROR";
    String description =
        Messages.format(
            locale,
            ok
                ? (dryRun ? "dhis2.summary.dryRun" : "dhis2.summary.success")
                : "dhis2.summary.error");
    return new ImportSummary(
        "ImportSummary",
        status,
        description,
        dryRun,
        ok
            ? new ImportSummary.Count(imported, updated, ignored, 0)
            : new ImportSummary.Count(0, 0, total, 0),
        List.copyOf(conflicts));
  }
}
