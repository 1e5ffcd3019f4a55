package org.atalaya.exchange.dhis2;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The answer to an import, shaped as DHIS2's own import summary so that a DHIS2 user reads it as
 * they know it: a status, the counts (imported, updated, ignored, deleted) and the conflicts, each
 * naming the object, the property, the rows ({@code indexes}) and the reason in the reader's
 * language. Nothing is stored when there is any conflict (all or nothing), nor in a dry run.
 */
@Serdeable
record ImportSummary(
    String responseType,
    String status,
    String description,
    boolean dryRun,
    Count importCount,
    List<Conflict> conflicts) {

  @Serdeable
  record Count(long imported, long updated, long ignored, long deleted) {}

  /** {@code property}: the DHIS2 field (dataElement, orgUnit, period, value…). */
  @Serdeable
  record Conflict(String object, String value, String property, List<Long> indexes) {}
}
