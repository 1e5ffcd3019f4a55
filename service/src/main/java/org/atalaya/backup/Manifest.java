package org.atalaya.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * What an archive holds. Written twice: first, without checksums, so that a restore can refuse an
 * archive from a newer version before reading the rest; last, with the SHA-256 of every file, so
 * that a truncated or altered archive is caught before anything is put in place.
 *
 * @param format version of this archive layout
 * @param kind {@code embedded} (data files, WAL and backup label) or {@code pg_dump}
 * @param schemaVersion the last Flyway migration applied when the backup started
 * @param timescaledb the extension's version on the source database, when it was on
 * @param files path inside the archive → SHA-256 and size; empty in the first copy
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Manifest(
    int format,
    String kind,
    String atalayaVersion,
    String postgresVersion,
    int postgresMajor,
    String schemaVersion,
    String createdAt,
    String label,
    String walStart,
    String walStop,
    String timescaledb,
    Map<String, FileSum> files) {
  static final int FORMAT = 1;
  static final String HEADER = "atalaya-backup.json";
  static final String TRAILER = "manifest.json";
  static final String EMBEDDED = "embedded";
  static final String PG_DUMP = "pg_dump";

  /** Where a kind of archive keeps its files. */
  static String prefix(String kind) {
    return EMBEDDED.equals(kind) ? "data/" : "dump/";
  }

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  Manifest {
    files = files == null ? Map.of() : Map.copyOf(files);
  }

  record FileSum(String sha256, long size) {}

  Manifest withWal(String start, String stop) {
    return new Manifest(
        format,
        kind,
        atalayaVersion,
        postgresVersion,
        postgresMajor,
        schemaVersion,
        createdAt,
        label,
        start,
        stop,
        timescaledb,
        files);
  }

  Manifest withFiles(Map<String, FileSum> sums) {
    return new Manifest(
        format,
        kind,
        atalayaVersion,
        postgresVersion,
        postgresMajor,
        schemaVersion,
        createdAt,
        label,
        walStart,
        walStop,
        timescaledb,
        sums);
  }

  /** The fields both copies must agree on. */
  boolean sameBackupAs(Manifest other) {
    return kind.equals(other.kind)
        && schemaVersion.equals(other.schemaVersion)
        && createdAt.equals(other.createdAt)
        && postgresMajor == other.postgresMajor;
  }

  List<String> paths() {
    return files.keySet().stream().sorted().toList();
  }

  byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Manifest fromJson(byte[] json) {
    try {
      return JSON.readValue(json, Manifest.class);
    } catch (IOException e) {
      throw new BackupException(e, "backup.archive.notAtalaya");
    }
  }
}
