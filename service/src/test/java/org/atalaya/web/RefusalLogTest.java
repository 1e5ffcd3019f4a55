package org.atalaya.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.atalaya.testsupport.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A refused request leaves one line in the log: status, method, path, the client's address and the
 * account if any — never the token it was refused with.
 */
@MicronautTest(environments = "test")
class RefusalLogTest {
  @Inject EmbeddedServer server;

  private final Logger logger = (Logger) LoggerFactory.getLogger(PeopleFilter.REFUSALS);
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private Level before;

  @BeforeEach
  void listen() {
    before = logger.getLevel();
    logger.setLevel(Level.WARN);
    lines.start();
    logger.addAppender(lines);
  }

  @AfterEach
  void stop() {
    logger.detachAppender(lines);
    logger.setLevel(before);
  }

  @Test
  void aForgedTokenAndAFormWithoutItsCsrfTokenAreLoggedWithoutTheToken() {
    Browser browser = new Browser(server.getURI());
    var forged =
        browser.bytes(
            "/api/me", "Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.secreto");
    assertThat(forged.statusCode()).isEqualTo(401);
    browser.login("admin", Api.ADMIN_PASSWORD);
    assertThat(browser.post("/salir", Map.of()).statusCode()).isEqualTo(403);

    List<String> messages = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(messages)
        .anySatisfy(m -> assertThat(m).startsWith("Refused 401 GET /api/me from 127.0.0.1"))
        .anySatisfy(m -> assertThat(m).startsWith("Refused 403 POST /salir from 127.0.0.1"))
        .noneSatisfy(m -> assertThat(m).contains("secreto"));
  }
}
