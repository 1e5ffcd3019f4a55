package org.atalaya.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;
import java.util.List;

/**
 * What the public may know of a survey: its questions with their value labels and its published
 * waves, enough to ask for estimates. The design's variables and the microdata stay private.
 */
@Serdeable
record PublishedSurvey(
    String code, String name, @Nullable String universe, List<Question> items, List<Wave> waves) {

  @Serdeable
  record Question(
      String code,
      String label,
      @Nullable String labelEn,
      ItemType type,
      List<SurveyDoc.ValueLabel> values) {}

  @Serdeable
  record Wave(String code, String name, LocalDate periodStart, LocalDate periodEnd) {}

  static PublishedSurvey of(SurveyDoc doc, List<WaveDoc> published) {
    return new PublishedSurvey(
        doc.code(),
        doc.name(),
        doc.universe(),
        doc.items().stream()
            .map(i -> new Question(i.code(), i.label(), i.labelEn(), i.type(), i.values()))
            .toList(),
        published.stream()
            .map(w -> new Wave(w.code(), w.name(), w.periodStart(), w.periodEnd()))
            .toList());
  }
}
