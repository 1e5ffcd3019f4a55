package org.atalaya.web.authoring;

import java.util.List;
import org.atalaya.indicator.IndicatorDoc.TargetDoc;

/**
 * An indicator's targets as one record: what the targets form's optimistic lock is taken of, and
 * compared field by field when someone else changed them meanwhile. Public because the comparison
 * reads its fields by reflection from another package.
 */
public record TargetSet(List<TargetDoc> targets) {
  public TargetSet {
    targets = List.copyOf(targets);
  }
}
