package org.atalaya.web;

import jakarta.inject.Singleton;
import org.atalaya.progress.Thresholds;
import org.atalaya.publication.Publication;

/**
 * The numbers the legends and the methodology page print, read from where the rules live (the
 * progress thresholds, the publication layer's settings), so that a page never states a threshold
 * the code does not apply.
 */
@Singleton
public class RulesInForce {
  private final Layout.Rules rules;

  RulesInForce(Publication publication) {
    Thresholds t = Thresholds.DEFAULTS;
    this.rules =
        new Layout.Rules(
            Thresholds.points(t.onTrackMargin()),
            Thresholds.points(t.atRiskMargin()),
            publication.smallCountThreshold() - 1,
            publication.smallNumbers().minEvents(),
            publication.smallNumbers().maxCvPercent());
  }

  public Layout.Rules rules() {
    return rules;
  }
}
