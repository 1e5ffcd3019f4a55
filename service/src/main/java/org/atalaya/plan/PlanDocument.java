package org.atalaya.plan;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.atalaya.institution.InstitutionKind;
import org.atalaya.shared.Codes;

/**
 * A whole plan as one document (YAML or JSON): the format plans are exported in and imported from,
 * and whose parts are the API's request and response bodies. Everything is referenced by code,
 * never by database id, so a document moves between installations.
 */
@Serdeable
@JsonPropertyOrder({"format", "plan", "institutions", "axes", "projects", "indicators"})
public record PlanDocument(
    @NotNull String format,
    @NotNull @Valid Header plan,
    @Nullable List<@NotNull @Valid InstitutionDoc> institutions,
    @Nullable List<@NotNull @Valid AxisDoc> axes,
    @Nullable List<@NotNull @Valid ProjectDoc> projects,
    @Nullable List<@NotNull Map<String, Object>> indicators) {

  public static final String FORMAT = "atalaya-plan/1";

  public PlanDocument {
    institutions = copy(institutions);
    axes = copy(axes);
    projects = copy(projects);
    // Absent means "leave the plan's indicators as they are" (a document from before they were
    // part of it); a list, even empty, is the whole set. Their shape belongs to their feature
    // ({@link PlanPart}).
    indicators = indicators == null ? null : copy(indicators);
  }

  /** An unmodifiable copy that keeps null elements, so validation can name them. */
  static <T> List<T> copy(@Nullable List<T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }

  @Serdeable
  @JsonPropertyOrder({
    "code",
    "name",
    "territory",
    "periodStart",
    "periodEnd",
    "status",
    "description"
  })
  public record Header(
      @NotBlank @Size(max = 60) @Pattern(regexp = Codes.PATTERN) String code,
      @NotBlank @Size(max = 300) String name,
      @NotBlank String territory,
      @NotNull LocalDate periodStart,
      @NotNull LocalDate periodEnd,
      @Nullable PlanStatus status,
      @Nullable @Size(max = PlanDocuments.MAX_TEXT) String description) {}

  @Serdeable
  @JsonPropertyOrder({"code", "name", "acronym", "kind"})
  public record InstitutionDoc(
      @NotBlank @Size(max = 40) @Pattern(regexp = Codes.PATTERN) String code,
      @NotBlank @Size(max = 300) String name,
      @Nullable @Size(max = 40) String acronym,
      @NotNull InstitutionKind kind) {}

  @Serdeable
  @JsonPropertyOrder({"code", "name", "standard", "description", "actionCards"})
  public record AxisDoc(
      @NotBlank @Size(max = 40) @Pattern(regexp = Codes.PATTERN) String code,
      @NotBlank @Size(max = 300) String name,
      @Nullable StandardAxis standard,
      @Nullable @Size(max = PlanDocuments.MAX_TEXT) String description,
      @Nullable List<@NotNull @Valid ActionCardDoc> actionCards) {
    public AxisDoc {
      actionCards = copy(actionCards);
    }
  }

  /** The guide's "ficha" (step 2). */
  @Serdeable
  @JsonPropertyOrder({
    "code",
    "title",
    "problem",
    "generalObjective",
    "actions",
    "targets",
    "indicators",
    "leadInstitution",
    "partners",
    "otherPartners",
    "schedule",
    "budget",
    "fundingSource"
  })
  public record ActionCardDoc(
      @NotBlank @Size(max = 40) @Pattern(regexp = Codes.PATTERN) String code,
      @NotBlank @Size(max = 300) String title,
      @NotBlank @Size(max = PlanDocuments.MAX_TEXT) String problem,
      @NotBlank @Size(max = PlanDocuments.MAX_TEXT) String generalObjective,
      @Nullable List<@NotBlank @Size(max = PlanDocuments.MAX_TEXT) String> actions,
      @Nullable List<@NotBlank @Size(max = PlanDocuments.MAX_TEXT) String> targets,
      @Nullable List<@NotBlank @Size(max = PlanDocuments.MAX_TEXT) String> indicators,
      @Nullable String leadInstitution,
      @Nullable List<@NotBlank @Size(max = PlanDocuments.MAX_TEXT) String> partners,
      @Nullable List<@NotBlank @Size(max = PlanDocuments.MAX_TEXT) String> otherPartners,
      @Nullable @Valid Schedule schedule,
      @Nullable @Valid Money budget,
      @Nullable @Size(max = PlanDocuments.MAX_TEXT) String fundingSource) {
    public ActionCardDoc {
      actions = copy(actions);
      targets = copy(targets);
      indicators = copy(indicators);
      partners = copy(partners);
      otherPartners = copy(otherPartners);
    }
  }

  /** The guide's priority project (step 5), with every element it lists. */
  @Serdeable
  @JsonPropertyOrder({
    "code",
    "name",
    "axis",
    "location",
    "start",
    "end",
    "problem",
    "justification",
    "generalObjective",
    "specificObjectives",
    "activities",
    "beneficiaries",
    "indicators",
    "schedule",
    "communicationPlan",
    "monitoringPlan",
    "leadInstitution",
    "budget",
    "fundingSource"
  })
  public record ProjectDoc(
      @NotBlank @Size(max = 40) @Pattern(regexp = Codes.PATTERN) String code,
      @NotBlank @Size(max = 300) String name,
      @Nullable String axis,
      @NotBlank @Size(max = PlanDocuments.MAX_TEXT) String location,
      @Nullable LocalDate start,
      @Nullable LocalDate end,
      @NotBlank @Size(max = PlanDocuments.MAX_TEXT) String problem,
      @NotBlank @Size(max = PlanDocuments.MAX_TEXT) String justification,
      @NotBlank @Size(max = PlanDocuments.MAX_TEXT) String generalObjective,
      @Nullable List<@NotBlank @Size(max = PlanDocuments.MAX_TEXT) String> specificObjectives,
      @Nullable List<@NotBlank @Size(max = PlanDocuments.MAX_TEXT) String> activities,
      @NotBlank @Size(max = PlanDocuments.MAX_TEXT) String beneficiaries,
      @Nullable List<@NotBlank @Size(max = PlanDocuments.MAX_TEXT) String> indicators,
      @Nullable List<@NotNull @Valid ScheduleItem> schedule,
      @Nullable @Size(max = PlanDocuments.MAX_TEXT) String communicationPlan,
      @Nullable @Size(max = PlanDocuments.MAX_TEXT) String monitoringPlan,
      @Nullable String leadInstitution,
      @Nullable @Valid Money budget,
      @Nullable @Size(max = PlanDocuments.MAX_TEXT) String fundingSource) {
    public ProjectDoc {
      specificObjectives = copy(specificObjectives);
      activities = copy(activities);
      indicators = copy(indicators);
      schedule = copy(schedule);
    }
  }

  @Serdeable
  @JsonPropertyOrder({"start", "end", "notes"})
  public record Schedule(
      @Nullable LocalDate start,
      @Nullable LocalDate end,
      @Nullable @Size(max = PlanDocuments.MAX_TEXT) String notes) {}

  @Serdeable
  @JsonPropertyOrder({"activity", "start", "end"})
  public record ScheduleItem(
      @NotBlank @Size(max = PlanDocuments.MAX_TEXT) String activity,
      @Nullable LocalDate start,
      @Nullable LocalDate end) {}

  @Serdeable
  @JsonPropertyOrder({"amount", "currency"})
  public record Money(
      @NotNull @PositiveOrZero @Digits(integer = 14, fraction = 2) BigDecimal amount,
      @NotNull @Pattern(regexp = Codes.CURRENCY) String currency) {}
}
