package org.atalaya.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Statistical disclosure control for counts below the district total: a count from 1 to {@code
 * threshold − 1} could point at a person, so it is withheld; zero is shown, because it reveals no
 * one. When a breakdown has exactly one withheld cell and its total is published, the next smallest
 * cell is withheld too, or the first could be recovered by subtraction.
 */
record SmallCounts(int threshold) {
  SmallCounts {
    if (threshold < 1) {
      throw new IllegalArgumentException("threshold must be at least 1");
    }
  }

  boolean small(Double value) {
    return value != null && value > 0 && value < threshold;
  }

  /** The cells of one breakdown (the parts of one published total), withheld as needed. */
  List<ReportFacts.Part> apply(List<ReportFacts.Part> parts) {
    List<ReportFacts.Part> out = new ArrayList<>();
    int withheld = 0;
    for (ReportFacts.Part p : parts) {
      boolean hide = p.suppressed() || small(p.value());
      out.add(hide ? p.withheld() : p);
      withheld += hide ? 1 : 0;
    }
    if (withheld == 1) {
      out.stream()
          .filter(p -> !p.suppressed() && p.value() != null)
          .min(Comparator.comparingDouble(ReportFacts.Part::value))
          .ifPresent(p -> out.set(out.indexOf(p), p.withheld()));
    }
    return out;
  }
}
