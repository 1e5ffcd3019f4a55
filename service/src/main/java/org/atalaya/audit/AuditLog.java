package org.atalaya.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.utils.SecurityService;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Records every write: who, what, before and after, and why when the caller said. It joins the
 * caller's transaction, so a change and its audit entry land together or not at all.
 */
@Singleton
public class AuditLog {
  private final AuditRepository repository;
  private final SecurityService security;
  private final ObjectMapper json;

  AuditLog(AuditRepository repository, SecurityService security, ObjectMapper json) {
    this.repository = repository;
    this.security = security;
    this.json = json;
  }

  public void created(String entity, String key, Object after) {
    write(AuditAction.CREATE, entity, key, null, after, null);
  }

  public void created(String entity, String key, Object after, @Nullable String reason) {
    write(AuditAction.CREATE, entity, key, null, after, reason);
  }

  public void updated(String entity, String key, Object before, Object after) {
    write(AuditAction.UPDATE, entity, key, before, after, null);
  }

  public void updated(
      String entity, String key, Object before, Object after, @Nullable String reason) {
    write(AuditAction.UPDATE, entity, key, before, after, reason);
  }

  public void deleted(String entity, String key, Object before) {
    write(AuditAction.DELETE, entity, key, before, null, null);
  }

  public void imported(String entity, String key, Object after) {
    write(AuditAction.IMPORT, entity, key, null, after, null);
  }

  public void imported(String entity, String key, Object after, @Nullable String reason) {
    write(AuditAction.IMPORT, entity, key, null, after, reason);
  }

  private void write(
      AuditAction action,
      String entity,
      String key,
      @Nullable Object before,
      @Nullable Object after,
      @Nullable String reason) {
    String actor = security.username().orElse("system");
    String why = reason == null || reason.isBlank() ? null : reason;
    repository.insert(actor, action.name(), entity, key, toJson(before), toJson(after), why);
  }

  private String toJson(@Nullable Object value) {
    if (value == null) {
      return null;
    }
    try {
      return json.writeValueAsString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
