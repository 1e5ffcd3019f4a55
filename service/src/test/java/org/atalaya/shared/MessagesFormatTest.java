package org.atalaya.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What a person reads once a pattern is formatted: plurals, numbers, dates and apostrophes. */
class MessagesFormatTest {
  static final Locale ES = Messages.DEFAULT;
  static final Locale EN = Locale.ENGLISH;

  @Test
  void pluralsAreChosenByCount() {
    assertThat(Messages.format(ES, "web.indicator.review.comments", 0))
        .isEqualTo("Sin comentarios");
    assertThat(Messages.format(ES, "web.indicator.review.comments", 1)).isEqualTo("1 comentario");
    assertThat(Messages.format(EN, "web.indicator.review.comments", 3)).isEqualTo("3 comments");
    assertThat(Messages.format(ES, "web.execution.activitiesLine", 1, 3, 1, 1))
        .isEqualTo("1 de 3 actividades realizadas · 1 en curso · 1 atrasada");
    assertThat(Messages.format(ES, "web.execution.activitiesLine", 1, 3, 0, 2))
        .endsWith("· 2 atrasadas");
  }

  @Test
  void datesReadTheSameUnambiguousWayInEitherLanguage() {
    LocalDate day = LocalDate.of(2026, 12, 6);

    assertThat(Dates.day(day, ES)).isEqualTo("6 dic. 2026");
    assertThat(Dates.day(day, EN)).isEqualTo("Dec 6, 2026");
    assertThat(Messages.formatPattern(ES, "corte: {0}", day)).isEqualTo("corte: 6 dic. 2026");
  }

  @Test
  void aPeriodHandedToAMessageReadsAsPeopleSayIt() {
    assertThat(Messages.format(ES, "web.review.error.noFigures", Periods.code("2024-11")))
        .isEqualTo("El periodo nov. 2024 no tiene cifras que aprobar.");
    assertThat(Messages.format(EN, "web.review.error.noFigures", Periods.code("2024-11")))
        .isEqualTo("Period Nov 2024 has no figures to approve.");
    assertThat(
            Messages.format(
                ES,
                "violation.outsidePlan",
                Periods.code("2029-T1"),
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2028, 12, 31)))
        .isEqualTo(
            "el 1.er trimestre de 2029 cae fuera del periodo del plan (1 ene. 2025 – 31 dic. 2028)");
  }

  @Test
  void everyPatternFormatsAndAPatternWithoutArgumentsKeepsItsApostrophes() throws IOException {
    List<String> wrong = new ArrayList<>();
    for (String bundle : Messages.BUNDLES) {
      for (String suffix : new String[] {"", "_en"}) {
        Properties p = load(bundle.replace('.', '/') + suffix + ".properties");
        for (String key : p.stringPropertyNames()) {
          String pattern = p.getProperty(key);
          try {
            new MessageFormat(pattern);
          } catch (IllegalArgumentException e) {
            wrong.add(key + suffix + ": " + e.getMessage());
            continue;
          }
          if (!pattern.contains("{")
              && !Messages.formatPattern(ES, pattern).equals(pattern.replace("''", "'"))) {
            wrong.add(key + suffix + ": write an apostrophe as ''");
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  private static Properties load(String resource) throws IOException {
    try (InputStream in = MessagesFormatTest.class.getClassLoader().getResourceAsStream(resource)) {
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    }
  }
}
