package org.atalaya.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class PeriodsTest {
  static final Locale ES = Locale.forLanguageTag("es-PA");

  @Test
  void spanishReadersReadQuartersHalvesMonthsAndYearsAsWords() {
    assertThat(Periods.text("2026-T3", ES)).isEqualTo("3.er trimestre de 2026");
    assertThat(Periods.text("2026-T1", ES)).isEqualTo("1.er trimestre de 2026");
    assertThat(Periods.text("2026-T2", ES)).isEqualTo("2.º trimestre de 2026");
    assertThat(Periods.text("2025-Q4", ES)).isEqualTo("4.º trimestre de 2025");
    assertThat(Periods.text("2025-S1", ES)).isEqualTo("1.er semestre de 2025");
    assertThat(Periods.text("2024-12", ES)).isEqualTo("dic. 2024");
    assertThat(Periods.text("2025", ES)).isEqualTo("2025");
  }

  @Test
  void englishReadersReadTheUsualShortForms() {
    assertThat(Periods.text("2026-T3", Locale.ENGLISH)).isEqualTo("Q3 2026");
    assertThat(Periods.text("2025-S2", Locale.ENGLISH)).isEqualTo("H2 2025");
    assertThat(Periods.text("2024-12", Locale.ENGLISH)).isEqualTo("Dec 2024");
  }

  @Test
  void textThatIsNoPeriodCodeIsLeftAsItIs() {
    assertThat(Periods.text("2024-13", ES)).isEqualTo("2024-13");
    assertThat(Periods.text("2024-S3", ES)).isEqualTo("2024-S3");
    assertThat(Periods.text("1 mar. 2025", ES)).isEqualTo("1 mar. 2025");
  }
}
