package org.atalaya.web;

/**
 * The deliveries late for a signed-in person (their institution's, or everyone's when they have
 * none), shown beside the calendar in the menu; given by the calendar so the layout needs no query.
 */
public interface LateCount {
  long late(String username);
}
