package org.atalaya.plan;

public enum PlanStatus {
  DRAFT,
  APPROVED,
  PUBLISHED
}
