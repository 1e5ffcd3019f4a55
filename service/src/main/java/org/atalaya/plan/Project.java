package org.atalaya.plan;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A priority project (guide, step 5). */
@MappedEntity("project")
record Project(
    @Nullable @Id @GeneratedValue Long id,
    Long planId,
    @Nullable Long axisId,
    String code,
    String name,
    String location,
    @Nullable LocalDate startDate,
    @Nullable LocalDate endDate,
    String problem,
    String justification,
    String generalObjective,
    @TypeDef(type = DataType.JSON) List<String> specificObjectives,
    @TypeDef(type = DataType.JSON) List<String> activities,
    String beneficiaries,
    @TypeDef(type = DataType.JSON) List<String> indicators,
    @TypeDef(type = DataType.JSON) List<PlanDocument.ScheduleItem> schedule,
    @Nullable String communicationPlan,
    @Nullable String monitoringPlan,
    @Nullable Long leadInstitutionId,
    @Nullable BigDecimal budgetAmount,
    @Nullable String budgetCurrency,
    @Nullable String fundingSource,
    int position) {}
