package org.atalaya.web;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import org.atalaya.web.dashboard.Dashboard;

/**
 * The model of every page: the {@link Layout}, the page's own record and, for an observatory page,
 * its {@link Dashboard} (the panels to show, in order). Templates read {@code ${layout.…}}, {@code
 * ${body.…}} and {@code ${dashboard.panels}}.
 */
@Introspected
public record Page<T>(Layout layout, T body, @Nullable Dashboard dashboard) {
  public Page(Layout layout, T body) {
    this(layout, body, null);
  }
}
