package org.atalaya.survey.estimate;

/** Published rules for deciding whether a survey estimate may be shown. */
public enum ReliabilityScheme {
  /**
   * INE Chile, "Estándar para la evaluación de la calidad de las estimaciones en encuestas de
   * hogares" (2020), as its R package calidad implements it (inesscc/calidad, {@code assess_ine}).
   */
  INE_CHILE,
  /**
   * CEPAL (ECLAC) 2023 criteria for household-survey estimates, as calidad implements them ({@code
   * assess_cepal2023}, scheme "eclac_2023").
   */
  CEPAL_2023
}
