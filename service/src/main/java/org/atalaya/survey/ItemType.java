package org.atalaya.survey;

/** What a questionnaire item records, which decides the estimates it supports. */
public enum ItemType {
  /** Yes/no; the first value label is the answer counted ("1 = Sí" unless told otherwise). */
  BINARY,
  CATEGORICAL,
  /** An ordered scale (1–5 "muy inseguro" … "muy seguro"): proportions of a value and means. */
  LIKERT,
  NUMERIC,
  /** Several choices at once; each choice is estimated as its own 0/1 variable. */
  SELECT_MULTIPLE;

  boolean coded() {
    return switch (this) {
      case BINARY, CATEGORICAL, LIKERT, SELECT_MULTIPLE -> true;
      case NUMERIC -> false;
    };
  }
}
