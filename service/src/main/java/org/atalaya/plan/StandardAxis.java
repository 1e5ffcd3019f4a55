package org.atalaya.plan;

/** The guide's five standard axes, with the names the guide gives them. */
public enum StandardAxis {
  PREVENTION("PREVENCION", "Prevención de la violencia"),
  CONTROL_AND_PROSECUTION("CONTROL", "Control y persecución penal del delito"),
  REHABILITATION_AND_REINSERTION("REHABILITACION", "Rehabilitación y reinserción"),
  VICTIM_CARE_AND_PROTECTION("VICTIMAS", "Atención y protección a víctimas"),
  INSTITUTIONAL_STRENGTHENING("FORTALECIMIENTO", "Fortalecimiento institucional");

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
