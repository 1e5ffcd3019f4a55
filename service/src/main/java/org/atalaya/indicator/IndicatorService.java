package org.atalaya.indicator;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atalaya.audit.AuditLog;
import org.atalaya.indicator.IndicatorDoc.ActionRef;
import org.atalaya.indicator.IndicatorDoc.SourceDoc;
import org.atalaya.institution.Institution;
import org.atalaya.institution.InstitutionRepository;
import org.atalaya.plan.ActionCards;
import org.atalaya.shared.ApiException;
import org.atalaya.shared.ApiException.FieldError;

/** Indicators, their sources and their targets. */
@Singleton
public class IndicatorService {
  private final IndicatorRepository indicators;
  private final IndicatorSourceRepository sources;
  private final InstitutionRepository institutions;
  private final ActionCards actionCards;
  private final AuditLog audit;

  IndicatorService(
      IndicatorRepository indicators,
      IndicatorSourceRepository sources,
      InstitutionRepository institutions,
      ActionCards actionCards,
      AuditLog audit) {
    this.indicators = indicators;
    this.sources = sources;
    this.institutions = institutions;
    this.actionCards = actionCards;
    this.audit = audit;
  }

  public Indicator require(String code) {
    return indicators.findByCode(code).orElseThrow(() -> ApiException.notFound("indicator", code));
  }

  @Transactional(readOnly = true)
  public Optional<IndicatorDoc> find(String code) {
    return indicators.findByCode(code).map(this::doc);
  }

  /**
   * Refuses a write to an indicator of a published plan outside the plan's change control: such a
   * write is a proposal ({@link IndicatorChanges}), applied when the committee approves it.
   */
  void requireChangeable(Indicator indicator) {
    if (indicator.actionCardId() != null) {
      actionCards
          .ref(indicator.actionCardId())
          .ifPresent(r -> actionCards.requireChangeable(r.plan()));
    }
  }

  @Transactional(readOnly = true)
  public List<IndicatorDoc> list(String planCode) {
    List<Indicator> rows =
        planCode == null ? indicators.listOrderByCode() : indicators.findByPlanCode(planCode);
    return docs(rows);
  }

  /**
   * The indicators of the given codes, in that order (unknown codes left out), read in four queries
   * whatever their number — a plan's pages ask for all of a plan's indicators at once.
   */
  @Transactional(readOnly = true)
  public List<IndicatorDoc> docs(Collection<String> codes) {
    if (codes.isEmpty()) {
      return List.of();
    }
    Map<String, Indicator> byCode = new HashMap<>();
    indicators.findByCodeIn(new HashSet<>(codes)).forEach(i -> byCode.put(i.code(), i));
    return docs(
        codes.stream().distinct().map(byCode::get).filter(java.util.Objects::nonNull).toList());
  }

  @Transactional(readOnly = true)
  public IndicatorDoc get(String code) {
    return doc(require(code));
  }

  @Transactional
  public IndicatorDoc save(String existingCode, IndicatorDoc doc) {
    Indicator existing = existingCode == null ? null : require(existingCode);
    if (existing == null && indicators.findByCode(doc.code()).isPresent()) {
      throw ApiException.conflict("code", "duplicate", doc.code());
    }
    if (existing != null && !existing.code().equals(doc.code())) {
      throw ApiException.invalid("code", "format", existing.code());
    }
    if (existing != null) {
      requireChangeable(existing);
    }
    if (doc.actionCard() != null) {
      actionCards.requireChangeable(doc.actionCard().plan());
    }
    List<FieldError> errors = new ArrayList<>();
    Long institutionId = institution("institution", doc.institution(), errors);
    Long cardId = null;
    if (doc.actionCard() != null) {
      ActionRef ref = doc.actionCard();
      cardId = actionCards.id(ref.plan(), ref.code()).orElse(null);
      if (cardId == null) {
        errors.add(new FieldError("actionCard.code", "unknownAction", ref.code()));
      }
    }
    if ((doc.kind() == IndicatorKind.RATE) != (doc.rateBase() != null)) {
      errors.add(new FieldError("rateBase", "rateBase"));
    }
    // No sources given: an existing indicator keeps its own; a new one gets its institution as its
    // source, never a placeholder name that a chart's "Fuente:" would print as a real source.
    List<SourceDoc> sourceDocs =
        !doc.sources().isEmpty()
            ? doc.sources()
            : existing != null ? doc(existing).sources() : List.of(defaultSource(doc));
    if (existing != null && indicators.hasMeasurements(existing.id())) {
      boolean reshaped =
          existing.kind() != doc.kind()
              || existing.frequency() != doc.frequency()
              || !java.util.Objects.equals(existing.rateBase(), doc.rateBase());
      if (reshaped) {
        errors.add(new FieldError("kind", "hasMeasurements"));
      }
      var kept =
          sourceDocs.stream().map(SourceDoc::code).collect(java.util.stream.Collectors.toSet());
      for (IndicatorSource s : sources.findByIndicatorIdOrderById(existing.id())) {
        if (!kept.contains(s.code()) && sources.hasMeasurements(s.id())) {
          errors.add(new FieldError("sources", "sourceInUse", s.code()));
        }
      }
    }
    if (sourceDocs.stream().filter(SourceDoc::official).count() != 1) {
      errors.add(new FieldError("sources", "oneOfficial"));
    }
    var codes = new HashSet<String>();
    for (int i = 0; i < sourceDocs.size(); i++) {
      if (!codes.add(sourceDocs.get(i).code())) {
        errors.add(
            new FieldError(
                "sources[" + i + "].code", "duplicateInDocument", sourceDocs.get(i).code()));
      }
      institution("sources[" + i + "].institution", sourceDocs.get(i).institution(), errors);
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    var d = doc.disaggregations();
    Indicator row =
        new Indicator(
            existing == null ? null : existing.id(),
            doc.code(),
            doc.name(),
            doc.description(),
            doc.kind(),
            doc.rateBase(),
            doc.unit(),
            doc.direction(),
            doc.tolerance(),
            doc.frequency(),
            doc.accumulation(),
            d.sex(),
            d.territory(),
            d.ageGroup(),
            doc.numeratorDefinition(),
            doc.denominatorDefinition(),
            doc.sourceKind(),
            institutionId,
            cardId);
    IndicatorDoc before = existing == null ? null : doc(existing);
    Indicator saved = existing == null ? indicators.save(row) : indicators.update(row);
    saveSources(saved, sourceDocs);
    IndicatorDoc after = doc(saved);
    if (before == null) {
      audit.created("indicator", saved.code(), after);
    } else {
      audit.updated("indicator", saved.code(), before, after);
    }
    return after;
  }

  /** Sources are matched by code, so measurements keep pointing at theirs. */
  private void saveSources(Indicator indicator, List<SourceDoc> docs) {
    Map<String, IndicatorSource> current = new HashMap<>();
    sources.findByIndicatorIdOrderById(indicator.id()).forEach(s -> current.put(s.code(), s));
    // Clear the official flag first: the unique index allows one official source at a time.
    for (IndicatorSource s : current.values()) {
      if (s.official()) {
        sources.update(
            new IndicatorSource(
                s.id(), s.indicatorId(), s.code(), s.name(), s.institutionId(), false));
      }
    }
    var kept = new HashSet<String>();
    for (SourceDoc d : docs) {
      IndicatorSource old = current.get(d.code());
      Long institutionId = institution("sources", d.institution(), new ArrayList<>());
      var row =
          new IndicatorSource(
              old == null ? null : old.id(),
              indicator.id(),
              d.code(),
              d.name(),
              institutionId,
              d.official());
      if (old == null) {
        sources.save(row);
      } else {
        sources.update(row);
      }
      kept.add(d.code());
    }
    for (IndicatorSource s : current.values()) {
      if (!kept.contains(s.code())) {
        sources.delete(s);
      }
    }
  }

  @Transactional
  public void delete(String code) {
    Indicator indicator = require(code);
    requireChangeable(indicator);
    if (indicators.hasMeasurements(indicator.id())) {
      throw ApiException.conflict("code", "inUse", code);
    }
    IndicatorDoc before = doc(indicator);
    indicators.delete(indicator);
    audit.deleted("indicator", code, before);
  }

  IndicatorDoc doc(Indicator i) {
    return docs(List.of(i)).get(0);
  }

  /** The rows as documents: their cards, sources and institutions read once for all of them. */
  private List<IndicatorDoc> docs(List<Indicator> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, String> institutionCodes = institutionCodes();
    Map<Long, ActionCards.Ref> cards =
        actionCards.refs(
            rows.stream()
                .map(Indicator::actionCardId)
                .filter(java.util.Objects::nonNull)
                .collect(java.util.stream.Collectors.toSet()));
    Map<Long, List<IndicatorSource>> sourcesOf = new HashMap<>();
    sources
        .findByIndicatorIdInOrderById(rows.stream().map(Indicator::id).toList())
        .forEach(x -> sourcesOf.computeIfAbsent(x.indicatorId(), k -> new ArrayList<>()).add(x));
    return rows.stream()
        .map(
            i ->
                doc(
                    i,
                    institutionCodes,
                    i.actionCardId() == null ? null : cards.get(i.actionCardId()),
                    sourcesOf.getOrDefault(i.id(), List.of())))
        .toList();
  }

  private Map<Long, String> institutionCodes() {
    Map<Long, String> codes = new HashMap<>();
    institutions.findAll().forEach(x -> codes.put(x.id(), x.code()));
    return codes;
  }

  private static IndicatorDoc doc(
      Indicator i,
      Map<Long, String> institutionCodes,
      @Nullable ActionCards.Ref ref,
      List<IndicatorSource> sourceRows) {
    ActionRef card = ref == null ? null : new ActionRef(ref.plan(), ref.code());
    List<SourceDoc> sourceDocs =
        sourceRows.stream()
            .map(
                s ->
                    new SourceDoc(
                        s.code(), s.name(), institutionCodes.get(s.institutionId()), s.official()))
            .toList();
    return new IndicatorDoc(
        i.code(),
        i.name(),
        i.description(),
        i.kind(),
        i.rateBase(),
        i.unit(),
        i.direction(),
        i.tolerance(),
        i.frequency(),
        i.accumulation(),
        new IndicatorDoc.Disaggregations(i.bySex(), i.byTerritory(), i.byAgeGroup()),
        i.numeratorDefinition(),
        i.denominatorDefinition(),
        i.sourceKind(),
        institutionCodes.get(i.institutionId()),
        card,
        sourceDocs);
  }

  /** The name of a new indicator's source when neither a source nor an institution was given. */
  public static final String NO_SOURCE = "Sin fuente indicada";

  /**
   * A new indicator's source when none is given: the institution responsible for it, by name; with
   * no institution either, a source that says it was not given rather than one that looks real.
   */
  private SourceDoc defaultSource(IndicatorDoc doc) {
    Optional<Institution> institution =
        doc.institution() == null ? Optional.empty() : institutions.findByCode(doc.institution());
    return institution
        .map(i -> new SourceDoc("OFICIAL", i.name(), i.code(), true))
        .orElseGet(() -> new SourceDoc("OFICIAL", NO_SOURCE, null, true));
  }

  private Long institution(String field, String code, List<FieldError> errors) {
    if (code == null) {
      return null;
    }
    Optional<Long> id = institutions.findByCode(code).map(Institution::id);
    if (id.isEmpty()) {
      errors.add(new FieldError(field, "unknownInstitution", code));
    }
    return id.orElse(null);
  }
}
