package org.atalaya.database;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import jakarta.inject.Singleton;

/**
 * Points the default datasource at the embedded PostgreSQL when no URL is configured. Hikari
 * validates its URL early, so this runs while the configuration is initialised, not after.
 */
@Singleton
class EmbeddedDatasourceConfigurer
    implements BeanInitializedEventListener<DatasourceConfiguration> {
  private final BeanProvider<EmbeddedDatabase> embedded;

  EmbeddedDatasourceConfigurer(BeanProvider<EmbeddedDatabase> embedded) {
    this.embedded = embedded;
  }

  @Override
  public DatasourceConfiguration onInitialized(
      BeanInitializingEvent<DatasourceConfiguration> event) {
    DatasourceConfiguration config = event.getBean();
    String configured = config.getConfiguredUrl();
    if (configured == null || configured.isBlank()) {
      config.setUrl(embedded.get().start());
      config.setUsername("postgres");
      config.setPassword("");
      config.setDriverClassName("org.postgresql.Driver");
    }
    return config;
  }
}
