package org.atalaya.bench;

/**
 * A statement the service ran during the upload, as pg_stat_activity showed it: first and last
 * sample that saw it, in seconds from the request's start.
 */
record UploadPhase(String statement, double first, double last, int samples) {}
