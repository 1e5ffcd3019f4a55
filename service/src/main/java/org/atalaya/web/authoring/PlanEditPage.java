package org.atalaya.web.authoring;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;
import org.atalaya.plan.PlanDocument.Header;

/**
 * The plan's authoring page: its header form, its axes with their cards, an axis to add, and its
 * priority projects (code and name).
 */
public record PlanEditPage(
    String plan,
    String planName,
    String status,
    boolean controlled,
    @Nullable Long openChange,
    @Nullable String notice,
    HeaderForm header,
    Map<String, String> headerErrors,
    List<String> headerGeneral,
    List<AxisRow> axes,
    NewAxis newAxis,
    Map<String, String> axisErrors,
    List<String> axisGeneral,
    List<CardRow> projects) {

  public record AxisRow(
      String code, String name, @Nullable String description, List<CardRow> cards) {}

  public record CardRow(String code, String title) {}

  public record NewAxis(
      @Nullable String code, @Nullable String name, @Nullable String description) {}

  /** The plan's header as typed; dates as ISO text, as a date input sends them. */
  @Serdeable
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record HeaderForm(
      @Nullable String code,
      @Nullable String name,
      @Nullable String territory,
      @Nullable String periodStart,
      @Nullable String periodEnd,
      @Nullable String description) {
    static HeaderForm blank() {
      return new HeaderForm(null, null, null, null, null, null);
    }

    static HeaderForm of(Header h) {
      return new HeaderForm(
          h.code(),
          h.name(),
          h.territory(),
          String.valueOf(h.periodStart()),
          String.valueOf(h.periodEnd()),
          h.description());
    }
  }

  /** The new-plan form. */
  public record NewPlan(HeaderForm form, Map<String, String> errors, List<String> general) {
    public boolean hasError(String f) {
      return errors.containsKey(f);
    }

    public String error(String f) {
      return errors.getOrDefault(f, "");
    }
  }

  public boolean hasHeaderError(String f) {
    return headerErrors.containsKey(f);
  }

  public String headerError(String f) {
    return headerErrors.getOrDefault(f, "");
  }

  public boolean hasAxisError(String f) {
    return axisErrors.containsKey(f);
  }

  public String axisError(String f) {
    return axisErrors.getOrDefault(f, "");
  }
}
