package org.atalaya.bench;

/** How the ingest benchmark loads the rows. */
enum LoadMethod {
  UPLOAD("upload"),
  COPY("COPY");

  final String label;

  LoadMethod(String label) {
    this.label = label;
  }
}
