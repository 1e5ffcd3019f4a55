package org.atalaya.execution;

import java.util.Arrays;
import java.util.Optional;

/** Which part of the plan an activity or a budget line belongs to, and its word in addresses. */
public enum PartKind {
  CARD("fichas"),
  PROJECT("proyectos");

  private final String slug;

  PartKind(String slug) {
    this.slug = slug;
  }

  public String slug() {
    return slug;
  }

  public static Optional<PartKind> ofSlug(String slug) {
    return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
  }
}
