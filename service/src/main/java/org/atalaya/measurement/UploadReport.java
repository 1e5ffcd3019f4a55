package org.atalaya.measurement;

import java.util.List;

/**
 * What an upload did or, in a dry run, would do. {@code rows} counts data rows read; rejected rows
 * are listed with their problems (the first {@value MeasurementIngestion#MAX_LISTED} of them), and
 * so are the stored figures it changes, old → new.
 */
record UploadReport(
    String file,
    String sheet,
    boolean dryRun,
    boolean committed,
    long rows,
    long accepted,
    long rejected,
    long inserted,
    long revised,
    long unchanged,
    List<RowProblem> errors,
    List<RowProblem> warnings,
    boolean truncated,
    List<Revision> revisions) {}
