package org.atalaya.bench;

/** How a startup launch gets its database, and whether the JVM maps a class-data archive. */
enum StartupMode {
  EMBEDDED_COLD("embedded-cold", false),
  EMBEDDED_WARM("embedded-warm", false),
  EXTERNAL("external", false),
  EMBEDDED_COLD_CDS("cold+cds", true),
  EMBEDDED_WARM_CDS("warm+cds", true);

  final String label;
  final boolean cds;

  StartupMode(String label, boolean cds) {
    this.label = label;
    this.cds = cds;
  }

  /** The same database handling without the archive. */
  StartupMode database() {
    return switch (this) {
      case EMBEDDED_COLD_CDS -> EMBEDDED_COLD;
      case EMBEDDED_WARM_CDS -> EMBEDDED_WARM;
      default -> this;
    };
  }
}
