package org.atalaya.publication;

/** Who reads a figure: anyone (the public, the press, open data) or a signed-in person. */
public enum Audience {
  PUBLIC,
  STAFF;

  public static Audience of(boolean signedIn) {
    return signedIn ? STAFF : PUBLIC;
  }
}
