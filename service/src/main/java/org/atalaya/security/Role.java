package org.atalaya.security;

/** Who may do what. Rules on routes use the string constants. */
public enum Role {
  ADMIN,
  ANALYST,
  COMMITTEE;

  public static final String ADMIN_NAME = "ADMIN";
  public static final String ANALYST_NAME = "ANALYST";
  public static final String COMMITTEE_NAME = "COMMITTEE";
}
