package org.atalaya.survey;

import jakarta.inject.Singleton;
import org.atalaya.survey.estimate.Reliability;
import org.atalaya.survey.estimate.ReliabilityCriteria;

/**
 * The reliability rules in force for survey estimates, as the estimates apply them, for pages that
 * explain them (the methodology page): the scheme, its thresholds after the observatory's settings,
 * and the least reliable class the public reads.
 */
@Singleton
public class ReliabilitySettings {
  private final EstimateDisclosure publication;

  ReliabilitySettings(EstimateDisclosure publication) {
    this.publication = publication;
  }

  public ReliabilityCriteria criteria() {
    return publication.criteria();
  }

  /** RELIABLE, WEAKLY_RELIABLE or NOT_RELIABLE: the least reliable class shown to the public. */
  public Reliability lowestPublished() {
    return publication.lowestPublished();
  }
}
