package org.atalaya.shared;

/** Codes people type and URLs carry: ASCII letters, digits, dot, hyphen, underscore. */
public final class Codes {
  public static final String PATTERN = "[A-Za-z0-9._-]+";
  public static final String CURRENCY = "[A-Z]{3}";

  private Codes() {}
}
