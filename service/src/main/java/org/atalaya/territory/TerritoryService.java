package org.atalaya.territory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.atalaya.audit.AuditLog;
import org.atalaya.shared.ApiException;

@Singleton
public class TerritoryService {
  private final TerritoryRepository territories;
  private final PopulationRepository population;
  private final AuditLog audit;

  TerritoryService(
      TerritoryRepository territories, PopulationRepository population, AuditLog audit) {
    this.territories = territories;
    this.population = population;
    this.audit = audit;
  }

  @Serdeable
  public record TerritoryView(
      String code,
      String name,
      TerritoryLevel level,
      @Nullable String parent,
      @Nullable String officialCode,
      @Nullable java.time.LocalDate validFrom,
      @Nullable java.time.LocalDate validTo) {}

  @Serdeable
  record TerritoryDetail(
      String code,
      String name,
      TerritoryLevel level,
      @Nullable String parent,
      @Nullable String officialCode,
      @Nullable java.time.LocalDate validFrom,
      @Nullable java.time.LocalDate validTo,
      List<String> children,
      List<PopulationEntry> population) {}

  @Serdeable
  record ImportResult(String file, int rows, int territories) {}

  @Transactional(readOnly = true)
  public List<TerritoryView> list() {
    List<Territory> all = territories.listInHierarchyOrder();
    Map<Long, String> codes = new HashMap<>();
    all.forEach(t -> codes.put(t.id(), t.code()));
    return all.stream().map(t -> view(t, codes.get(t.parentId()))).toList();
  }

  @Transactional(readOnly = true)
  TerritoryDetail detail(String code) {
    Territory t = require(code);
    return new TerritoryDetail(
        t.code(),
        t.name(),
        t.level(),
        parentCode(t),
        t.officialCode(),
        t.validFrom(),
        t.validTo(),
        territories.findByParentIdOrderByCode(t.id()).stream().map(Territory::code).toList(),
        population.findByTerritory(t.id()));
  }

  public Territory require(String code) {
    return territories.findByCode(code).orElseThrow(() -> ApiException.notFound("territory", code));
  }

  public Optional<Territory> find(String code) {
    return territories.findByCode(code);
  }

  /** Population by year and sex: the denominators of rates. */
  public List<PopulationEntry> population(Territory t) {
    return population.findByTerritory(t.id());
  }

  public List<Territory> all() {
    return territories.listInHierarchyOrder();
  }

  public Optional<Territory> byId(Long id) {
    return territories.findById(id);
  }

  @Transactional
  public TerritoryView create(TerritoryForm form) {
    if (territories.findByCode(form.code()).isPresent()) {
      throw ApiException.conflict("code", "duplicate", form.code());
    }
    Long parentId = checkedParent(form.level(), form.parent());
    if (form.officialCode() != null
        && territories.findByOfficialCode(form.officialCode()).isPresent()) {
      throw ApiException.conflict("officialCode", "duplicate", form.officialCode());
    }
    if (form.validFrom() != null
        && form.validTo() != null
        && !form.validTo().isAfter(form.validFrom())) {
      throw ApiException.invalid("validTo", "validityOrder", form.validFrom(), form.validTo());
    }
    Territory saved =
        territories.save(
            new Territory(
                null,
                form.code(),
                form.name(),
                form.level(),
                parentId,
                form.officialCode(),
                form.validFrom(),
                form.validTo()));
    TerritoryView view = view(saved, form.parent());
    audit.created("territory", saved.code(), view);
    return view;
  }

  @Transactional
  TerritoryView rename(String code, String name) {
    Territory before = require(code);
    Territory after =
        territories.update(
            new Territory(
                before.id(),
                code,
                name,
                before.level(),
                before.parentId(),
                before.officialCode(),
                before.validFrom(),
                before.validTo()));
    String parent = parentCode(before);
    audit.updated("territory", code, view(before, parent), view(after, parent));
    return view(after, parent);
  }

  @Transactional
  void delete(String code) {
    Territory t = require(code);
    if (territories.isReferenced(t.id())) {
      throw ApiException.conflict("code", "inUse", code);
    }
    territories.delete(t);
    audit.deleted("territory", code, view(t, parentCode(t)));
  }

  @Transactional
  List<PopulationEntry> savePopulation(String code, List<PopulationEntry> entries) {
    Territory t = require(code);
    for (PopulationEntry e : entries) {
      population.upsert(t.id(), e.year(), e.sex(), e.population(), e.source(), e.illustrative());
    }
    audit.updated("territory_population", code, null, entries);
    return population.findByTerritory(t.id());
  }

  /** Loads a census table all-or-nothing: one bad row and nothing is stored. */
  @Transactional
  public ImportResult importCensus(String file, Reader csv, boolean illustrative)
      throws IOException {
    List<Territory> all = territories.listInHierarchyOrder();
    List<CensusCsv.Row> rows = CensusCsv.parse(file, csv, value -> resolve(all, value));
    for (CensusCsv.Row r : rows) {
      population.upsert(
          r.territoryId(), r.year(), r.sex(), r.population(), r.source(), illustrative);
    }
    int places = (int) rows.stream().map(CensusCsv.Row::territoryId).distinct().count();
    var result = new ImportResult(file, rows.size(), places);
    audit.imported("territory_population", file, result);
    return result;
  }

  /**
   * Our code, the official (INEC) code, or a name that only one territory has (accents and case
   * aside).
   */
  private static Optional<Long> resolve(List<Territory> all, String value) {
    for (Territory t : all) {
      if (t.code().equals(value) || value.equals(t.officialCode())) {
        return Optional.of(t.id());
      }
    }
    String wanted = CensusCsv.normalise(value);
    List<Long> byName = new ArrayList<>();
    for (Territory t : all) {
      if (CensusCsv.normalise(t.name()).equals(wanted)) {
        byName.add(t.id());
      }
    }
    return byName.size() == 1 ? Optional.of(byName.get(0)) : Optional.empty();
  }

  private Long checkedParent(TerritoryLevel level, @Nullable String parentCode) {
    TerritoryLevel expected = level.parentLevel();
    if (expected == null && parentCode != null) {
      throw ApiException.invalid("parent", "provinceHasNoParent");
    }
    if (level.mayStandAlone() && parentCode == null) {
      return null;
    }
    if (parentCode == null) {
      throw ApiException.invalid("parent", "parentLevel", level, expected);
    }
    Territory parent =
        territories
            .findByCode(parentCode)
            .orElseThrow(() -> ApiException.invalid("parent", "unknownTerritory", parentCode));
    if (parent.level() != expected) {
      throw ApiException.invalid("parent", "parentLevel", level, expected);
    }
    return parent.id();
  }

  private String parentCode(Territory t) {
    return t.parentId() == null
        ? null
        : territories.findById(t.parentId()).map(Territory::code).orElse(null);
  }

  private static TerritoryView view(Territory t, @Nullable String parent) {
    return new TerritoryView(
        t.code(), t.name(), t.level(), parent, t.officialCode(), t.validFrom(), t.validTo());
  }
}
