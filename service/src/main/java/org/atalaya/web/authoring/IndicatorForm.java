package org.atalaya.web.authoring;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.atalaya.indicator.Accumulation;
import org.atalaya.indicator.Direction;
import org.atalaya.indicator.Frequency;
import org.atalaya.indicator.IndicatorDoc;
import org.atalaya.indicator.IndicatorDoc.ActionRef;
import org.atalaya.indicator.IndicatorDoc.Disaggregations;
import org.atalaya.indicator.IndicatorDoc.SourceDoc;
import org.atalaya.indicator.IndicatorKind;
import org.atalaya.indicator.SourceKind;

/**
 * An indicator as typed into its form, every field as text so that what was typed comes back as it
 * was. Sources are one per line, {@code CODE; Name; INSTITUTION}, the first line the official one.
 * {@code base} is the indicator as it was read, for optimistic locking.
 */
@Serdeable
@JsonIgnoreProperties(ignoreUnknown = true)
public record IndicatorForm(
    @Nullable String code,
    @Nullable String name,
    @Nullable String description,
    @Nullable String kind,
    @Nullable String rateBase,
    @Nullable String unit,
    @Nullable String direction,
    @Nullable String tolerance,
    @Nullable String frequency,
    @Nullable String accumulation,
    @Nullable String bySex,
    @Nullable String byTerritory,
    @Nullable String byAgeGroup,
    @Nullable String numeratorDefinition,
    @Nullable String denominatorDefinition,
    @Nullable String sourceKind,
    @Nullable String institution,
    @Nullable String actionCardPlan,
    @Nullable String actionCardCode,
    @Nullable String sources,
    @Nullable String base) {

  static final Set<String> FIELDS =
      Set.of(
          "code",
          "name",
          "description",
          "kind",
          "rateBase",
          "unit",
          "direction",
          "tolerance",
          "frequency",
          "accumulation",
          "numeratorDefinition",
          "denominatorDefinition",
          "sourceKind",
          "institution",
          "actionCardPlan",
          "actionCardCode",
          "sources");

  static IndicatorForm blank(@Nullable String plan, @Nullable String card) {
    return new IndicatorForm(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, plan, card, null, null);
  }

  static IndicatorForm of(IndicatorDoc d, String base) {
    List<String> lines = new ArrayList<>();
    d.sources().stream().filter(SourceDoc::official).forEach(s -> lines.add(line(s)));
    d.sources().stream().filter(s -> !s.official()).forEach(s -> lines.add(line(s)));
    return new IndicatorForm(
        d.code(),
        d.name(),
        d.description(),
        d.kind().name(),
        d.rateBase() == null ? null : d.rateBase().toString(),
        d.unit(),
        d.direction().name(),
        d.tolerance() == null ? null : d.tolerance().toPlainString(),
        d.frequency().name(),
        d.accumulation().name(),
        d.disaggregations().sex() ? "on" : null,
        d.disaggregations().territory() ? "on" : null,
        d.disaggregations().ageGroup() ? "on" : null,
        d.numeratorDefinition(),
        d.denominatorDefinition(),
        d.sourceKind().name(),
        d.institution(),
        d.actionCard() == null ? null : d.actionCard().plan(),
        d.actionCard() == null ? null : d.actionCard().code(),
        String.join("\n", lines),
        base);
  }

  private static String line(SourceDoc s) {
    return s.code() + "; " + s.name() + (s.institution() == null ? "" : "; " + s.institution());
  }

  IndicatorForm withBase(String newBase) {
    return new IndicatorForm(
        code,
        name,
        description,
        kind,
        rateBase,
        unit,
        direction,
        tolerance,
        frequency,
        accumulation,
        bySex,
        byTerritory,
        byAgeGroup,
        numeratorDefinition,
        denominatorDefinition,
        sourceKind,
        institution,
        actionCardPlan,
        actionCardCode,
        sources,
        newBase);
  }

  public boolean checked(String box) {
    String v =
        switch (box) {
          case "bySex" -> bySex;
          case "byTerritory" -> byTerritory;
          case "byAgeGroup" -> byAgeGroup;
          default -> null;
        };
    return v != null && !v.isBlank();
  }

  /** The fields that cannot even be read as a number or a choice, with the rule's message key. */
  Map<String, String> unreadable() {
    Map<String, String> out = new LinkedHashMap<>();
    if (!blank(rateBase) && integer(rateBase) == null) {
      out.put("rateBase", "indicatorForm.error.integer");
    }
    if (!blank(tolerance) && number(tolerance) == null) {
      out.put("tolerance", "authoring.error.number");
    }
    if (!blank(actionCardPlan) != !blank(actionCardCode)) {
      out.put(
          blank(actionCardPlan) ? "actionCardPlan" : "actionCardCode", "indicatorForm.error.card");
    }
    for (String line : CardForm.list(sources)) {
      String[] parts = line.split(";", -1);
      if (parts.length < 2 || parts.length > 3 || parts[0].isBlank() || parts[1].isBlank()) {
        out.put("sources", "indicatorForm.error.sourceLine");
      }
    }
    return out;
  }

  /** The indicator as the API receives it; call after {@link #unreadable()} found nothing. */
  IndicatorDoc toDoc(@Nullable String fixedCode) {
    List<SourceDoc> sourceDocs = new ArrayList<>();
    for (String line : CardForm.list(sources)) {
      String[] parts = line.split(";", -1);
      if (parts.length >= 2) {
        sourceDocs.add(
            new SourceDoc(
                parts[0].strip().toUpperCase(Locale.ROOT),
                parts[1].strip(),
                parts.length > 2 ? text(parts[2]) : null,
                sourceDocs.isEmpty()));
      }
    }
    return new IndicatorDoc(
        fixedCode != null ? fixedCode : text(code),
        text(name),
        text(description),
        choice(IndicatorKind.class, kind),
        blank(rateBase) ? null : integer(rateBase),
        text(unit),
        choice(Direction.class, direction),
        blank(tolerance) ? null : number(tolerance),
        choice(Frequency.class, frequency),
        choice(Accumulation.class, accumulation),
        new Disaggregations(checked("bySex"), checked("byTerritory"), checked("byAgeGroup")),
        text(numeratorDefinition),
        text(denominatorDefinition),
        choice(SourceKind.class, sourceKind),
        text(institution),
        blank(actionCardPlan) || blank(actionCardCode)
            ? null
            : new ActionRef(actionCardPlan.strip(), actionCardCode.strip()),
        sourceDocs.isEmpty() ? null : sourceDocs);
  }

  /** A choice from the form's own list: anything else reads as no choice, which is refused. */
  private static <E extends Enum<E>> E choice(Class<E> type, String value) {
    if (blank(value)) {
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value.strip())) {
        return e;
      }
    }
    return null;
  }

  private static Integer integer(String s) {
    String t = s.strip().replace(" ", "").replace(".", "").replace(",", "");
    try {
      return t.matches("\\d{1,9}") ? Integer.valueOf(t) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** "0.5" or "0,5". */
  static BigDecimal number(String s) {
    String t = s.strip().replace(" ", "").replace('\u00a0', ' ').replace(" ", "");
    if (!t.contains(".")) {
      t = t.replace(',', '.');
    } else {
      t = t.replace(",", "");
    }
    return t.matches("-?\\d{1,14}(\\.\\d+)?") ? new BigDecimal(t) : null;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String text(String s) {
    return blank(s) ? null : s.strip();
  }
}
