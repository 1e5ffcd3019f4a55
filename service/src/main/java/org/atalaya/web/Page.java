package org.atalaya.web;

import io.micronaut.core.annotation.Introspected;

/**
 * The model of every page: the {@link Layout} and the page's own record. Templates read {@code
 * ${layout.…}} and {@code ${body.…}}.
 */
@Introspected
public record Page<T>(Layout layout, T body) {}
