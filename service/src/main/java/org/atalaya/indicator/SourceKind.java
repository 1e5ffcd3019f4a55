package org.atalaya.indicator;

public enum SourceKind {
  ADMINISTRATIVE,
  SURVEY,
  MANUAL
}
