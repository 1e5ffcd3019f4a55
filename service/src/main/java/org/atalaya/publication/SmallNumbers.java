package org.atalaya.publication;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * The one definition of "pocos casos" (DESIGN: Publication; issue 18): a rate from fewer than
 * {@code atalaya.publication.small-numbers-events} events, or whose coefficient of variation
 * (1/√events for a Poisson count) is above {@code atalaya.publication.small-numbers-max-cv}, varies
 * too much to be judged. A subgroup's rate so flagged gets no status; a corregimiento's is marked
 * in the rates table. Every page, legend, the methodology and the report state these two numbers.
 */
@Singleton
public class SmallNumbers {
  private final int minEvents;
  private final double maxCv;

  SmallNumbers(
      @Value("${atalaya.publication.small-numbers-events:20}") int minEvents,
      @Value("${atalaya.publication.small-numbers-max-cv:0.3}") double maxCv) {
    if (minEvents < 1 || !(maxCv > 0)) {
      throw new IllegalArgumentException(
          "small numbers need at least 1 event and a coefficient of variation above 0");
    }
    this.minEvents = minEvents;
    this.maxCv = maxCv;
  }

  /** Whether a rate from this many events is "pocos casos". */
  public boolean few(double events) {
    return events < minEvents || PoissonLimits.cv(Math.round(events)) > maxCv;
  }

  /** The fewest events a rate is judged from (20). */
  public int minEvents() {
    return minEvents;
  }

  /** The largest coefficient of variation a rate is judged with (0.3). */
  public double maxCv() {
    return maxCv;
  }

  /** The coefficient of variation in percent as the texts write it ("30"). */
  public String maxCvPercent() {
    double p = Math.round(maxCv * 1000) / 10.0;
    return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
  }
}
