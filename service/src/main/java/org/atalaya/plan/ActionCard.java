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

/** The guide's "ficha": one priority action of an axis, stored as the working table wrote it. */
@MappedEntity("action_card")
record ActionCard(
    @Nullable @Id @GeneratedValue Long id,
    Long planId,
    Long axisId,
    String code,
    String title,
    String problem,
    String generalObjective,
    @TypeDef(type = DataType.JSON) List<String> actions,
    @TypeDef(type = DataType.JSON) List<String> targets,
    @TypeDef(type = DataType.JSON) List<String> indicators,
    @Nullable Long leadInstitutionId,
    @TypeDef(type = DataType.JSON) List<String> otherPartners,
    @Nullable LocalDate scheduleStart,
    @Nullable LocalDate scheduleEnd,
    @Nullable String scheduleNotes,
    @Nullable BigDecimal budgetAmount,
    @Nullable String budgetCurrency,
    @Nullable String fundingSource,
    int position) {}
