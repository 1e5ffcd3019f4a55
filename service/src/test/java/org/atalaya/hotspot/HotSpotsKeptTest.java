package org.atalaya.hotspot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import org.atalaya.indicator.Sex;
import org.atalaya.publication.Audience;
import org.atalaya.shared.DataVersion;
import org.junit.jupiter.api.Test;

/**
 * A signed-in plan page asks for every indicator's hot spots, each one series per corregimiento:
 * the answer is kept while the data stays the same, and computed afresh once anything is written.
 */
@MicronautTest(environments = "test", transactional = false)
class HotSpotsKeptTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

  @Inject HotSpots hotSpots;
  @Inject TransactionOperations<Connection> transactions;

  @Test
  void anAnswerIsKeptUntilTheDataChangesAndNotAfter() throws SQLException {
    var first = hotSpots.of("VD-DENUNCIAS", AS_OF, Sex._T, Audience.STAFF);
    assertThat(first).isNotNull();
    assertThat(hotSpots.of("VD-DENUNCIAS", AS_OF, Sex._T, Audience.STAFF))
        .as("the same data: the kept answer")
        .isSameAs(first);
    assertThat(hotSpots.of("VD-DENUNCIAS", AS_OF, Sex._T, Audience.PUBLIC))
        .as("another audience is another answer")
        .isNotSameAs(first);

    transactions.executeWrite(
        status -> {
          DataVersion.moveOn(status.getConnection());
          return null;
        });
    var after = hotSpots.of("VD-DENUNCIAS", AS_OF, Sex._T, Audience.STAFF);
    assertThat(after).as("a write happened: computed afresh").isNotSameAs(first);
    assertThat(after).isEqualTo(first);
  }
}
