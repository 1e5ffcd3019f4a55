package org.atalaya.audit;

/** What a write did to its entity; an import stands for a whole file or document. */
public enum AuditAction {
  CREATE,
  UPDATE,
  DELETE,
  IMPORT
}
