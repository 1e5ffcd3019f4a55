package org.atalaya.web;

/**
 * A number the menu shows beside a link (the committee's pending validations), given by the feature
 * that owns it so the layout needs no query of its own.
 */
public interface MenuCount {
  long count();
}
