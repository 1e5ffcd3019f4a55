package org.atalaya.survey;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;

/** One respondent as stored: design fields, and answers by variable (codes as text). */
record Respondent(
    long row,
    String id,
    double[] weights,
    @Nullable String stratum,
    @Nullable String psu,
    @Nullable String sex,
    @Nullable String territory,
    @Nullable String ageGroup,
    Map<String, String> answers) {}
