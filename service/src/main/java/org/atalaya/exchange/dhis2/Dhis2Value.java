package org.atalaya.exchange.dhis2;

/**
 * One data value as DHIS2 exports it (dataValueSets JSON or CSV, or ADX), with the row of the file
 * it came from: the first value of a JSON file is row 1; a CSV's header is row 1.
 */
record Dhis2Value(
    long row,
    String dataElement,
    String period,
    String orgUnit,
    String categoryOptionCombo,
    String value) {}
