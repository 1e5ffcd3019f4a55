package org.atalaya.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.utils.SecurityService;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Records every write: who, what, before and after. It joins the caller's transaction, so a change
 * and its audit entry land together or not at all.
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
    write("CREATE", entity, key, null, after);
  }

  public void updated(String entity, String key, Object before, Object after) {
    write("UPDATE", entity, key, before, after);
  }

  public void deleted(String entity, String key, Object before) {
    write("DELETE", entity, key, before, null);
  }

  public void imported(String entity, String key, Object after) {
    write("IMPORT", entity, key, null, after);
  }

  private void write(
      String action, String entity, String key, @Nullable Object before, @Nullable Object after) {
    String actor = security.username().orElse("system");
    repository.insert(actor, action, entity, key, toJson(before), toJson(after));
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
