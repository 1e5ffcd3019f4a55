package org.atalaya.survey;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Locale;
import org.atalaya.shared.Messages;
import org.atalaya.survey.estimate.Estimate;
import org.atalaya.survey.estimate.Reliability;
import org.atalaya.survey.estimate.ReliabilityCriteria;
import org.atalaya.survey.estimate.ReliabilityScheme;

/**
 * Turns estimates into the cells people read: NaN never leaves (a missing figure is null with its
 * reason), every cell gets its reliability under the observatory's scheme, and for anonymous
 * callers a cell below the publication threshold is suppressed — its figures withheld and marked,
 * never shown as zero. Staff see every figure, with {@code suppressed} saying what the public will
 * not.
 */
@Singleton
class EstimateDisclosure {
  private final ReliabilityCriteria criteria;
  private final Reliability lowestPublished;

  /**
   * The scheme's published thresholds, each of which the observatory may tighten or relax in
   * application.yml ({@code atalaya.survey.reliability.*}); {@code lowest-published} is the least
   * reliable class shown to the public (INE publishes weakly reliable figures with a warning).
   */
  EstimateDisclosure(
      @Value("${atalaya.survey.reliability.scheme:INE_CHILE}") ReliabilityScheme scheme,
      @Value("${atalaya.survey.reliability.min-n:-1}") long minN,
      @Value("${atalaya.survey.reliability.min-df:-1}") int minDf,
      @Value("${atalaya.survey.reliability.cv-reliable:-1}") double cvReliable,
      @Value("${atalaya.survey.reliability.cv-weakly-reliable:-1}") double cvWeaklyReliable,
      @Value("${atalaya.survey.reliability.lowest-published:WEAKLY_RELIABLE}")
          Reliability lowestPublished) {
    var d = ReliabilityCriteria.defaults(scheme);
    this.criteria =
        new ReliabilityCriteria(
            scheme,
            minN >= 0 ? minN : d.minN(),
            minDf >= 0 ? minDf : d.minDf(),
            cvReliable >= 0 ? cvReliable : d.cvReliable(),
            cvWeaklyReliable >= 0 ? cvWeaklyReliable : d.cvWeaklyReliable(),
            d.minEffectiveN(),
            d.maxLogCv(),
            d.minCasesReliable(),
            d.minCasesWeaklyReliable());
    this.lowestPublished = lowestPublished;
  }

  String scheme() {
    return criteria.scheme().name();
  }

  ReliabilityCriteria criteria() {
    return criteria;
  }

  Reliability lowestPublished() {
    return lowestPublished;
  }

  Reliability reliability(Estimate e) {
    return Reliability.of(e, criteria);
  }

  /** Enum order is best first: RELIABLE, WEAKLY_RELIABLE, NOT_RELIABLE. */
  boolean publishable(Reliability r) {
    return r.ordinal() <= lowestPublished.ordinal();
  }

  String mark(Locale locale) {
    return Messages.format(locale, "survey.suppressedMark");
  }

  EstimateTable.Cell cell(
      List<EstimateTable.DomainCode> domain, Estimate e, boolean anonymous, Locale locale) {
    Reliability reliability = reliability(e);
    boolean suppressed = e.isEmpty() || !publishable(reliability);
    boolean hide = anonymous && suppressed;
    String reason =
        e.noInterval() == null
            ? null
            : Messages.format(locale, "survey.noInterval." + e.noInterval().name());
    return new EstimateTable.Cell(
        domain,
        hide ? null : finite(e.estimate()),
        hide ? null : finite(e.se()),
        hide ? null : finite(e.ciLower()),
        hide ? null : finite(e.ciUpper()),
        hide ? null : finite(e.deff()),
        hide ? null : finite(e.cv()),
        e.n(),
        e.isEmpty() ? null : e.df(),
        reliability.name(),
        e.noInterval() == null ? null : e.noInterval().name(),
        reason,
        suppressed,
        suppressed ? mark(locale) : null);
  }

  static Double finite(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
