package org.atalaya.risk;

import io.micronaut.serde.annotation.Serdeable;
import java.time.LocalDate;

/**
 * A stored report of an unsafe place, as signed-in analysts read it: its generalised point, the
 * corregimiento it falls in, its kind, source and date, and whether it is illustrative demo data.
 */
@Serdeable
public record UnsafePlace(
    long id,
    String territory,
    String territoryName,
    PlaceKind kind,
    ReportSource source,
    LocalDate reportedOn,
    GridPoint point,
    boolean illustrative) {}
