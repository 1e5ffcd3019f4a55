package org.atalaya.survey;

import java.util.Locale;
import org.atalaya.shared.Messages;

/**
 * The weight an estimate was computed with and why that one, so that every answer can say it.
 *
 * @param variable the design's weight variable, empty for figures typed in from a publication
 */
record WeightUsed(String variable, Source source) {

  enum Source {
    /** The caller named it. */
    ASKED,
    /** The question names it in the survey's definition. */
    ITEM,
    /** The design has no other. */
    ONLY,
    /** A definition from before questions named their weight: the design's first, said aloud. */
    FIRST,
    /** Published figures entered by hand: no microdata, no weight. */
    NONE
  }

  WeightUsed {
    variable = variable == null ? "" : variable;
  }

  /**
   * "Ponderado con Fact_Hog_Reg, el factor de expansión de esta pregunta", in the reader's tongue.
   */
  String note(Locale locale) {
    return Messages.format(locale, "survey.weightUsed." + source.name(), variable);
  }
}
