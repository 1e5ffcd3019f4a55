package org.atalaya.bench;

/** How a startup launch gets its database. */
enum StartupMode {
  EMBEDDED_COLD("embedded-cold"),
  EMBEDDED_WARM("embedded-warm"),
  EXTERNAL("external");

  final String label;

  StartupMode(String label) {
    this.label = label;
  }
}
