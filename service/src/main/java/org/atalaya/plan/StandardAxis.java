package org.atalaya.plan;

/** The guide's five standard axes, with the names the guide gives them. */
public enum StandardAxis {
  PREVENTION("PREV", "Prevención de la violencia"),
  CONTROL_AND_PROSECUTION("CONT", "Control y persecución penal del delito"),
  REHABILITATION_AND_REINSERTION("REHAB", "Rehabilitación y reinserción"),
  VICTIM_CARE_AND_PROTECTION("VICT", "Atención y protección a víctimas"),
  INSTITUTIONAL_STRENGTHENING("FORT", "Fortalecimiento institucional");

  private final String defaultCode;
  private final String spanishName;

  StandardAxis(String defaultCode, String spanishName) {
    this.defaultCode = defaultCode;
    this.spanishName = spanishName;
  }

  public String defaultCode() {
    return defaultCode;
  }

  public String spanishName() {
    return spanishName;
  }
}
