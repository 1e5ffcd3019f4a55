package org.atalaya.plan;

/** Where a proposed change to a published plan stands. */
public enum PlanChangeStatus {
  PROPOSED,
  APPROVED,
  REJECTED
}
