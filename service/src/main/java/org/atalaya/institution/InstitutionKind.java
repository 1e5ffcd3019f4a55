package org.atalaya.institution;

public enum InstitutionKind {
  NATIONAL,
  MUNICIPAL,
  CIVIL_SOCIETY,
  INTERNATIONAL,
  PRIVATE,
  ACADEMIC
}
