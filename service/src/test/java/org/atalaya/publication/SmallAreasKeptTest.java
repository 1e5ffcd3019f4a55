package org.atalaya.publication;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import org.atalaya.indicator.Sex;
import org.atalaya.shared.DataVersion;
import org.junit.jupiter.api.Test;

/**
 * The plan page's map asks for a rate's table by corregimiento on every signed-in view, one series
 * per place: the table is kept while the data stays the same, and computed afresh after a write.
 */
@MicronautTest(environments = "test", transactional = false)
class SmallAreasKeptTest {
  static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

  @Inject SmallAreas smallAreas;
  @Inject TransactionOperations<Connection> transactions;

  @Test
  void aTableIsKeptUntilTheDataChangesAndNotAfter() throws SQLException {
    var first = smallAreas.of("HOM-TASA", AS_OF, Sex._T, null, Audience.STAFF);
    assertThat(first).isNotNull();
    assertThat(first.rows()).isNotEmpty();
    assertThat(smallAreas.of("HOM-TASA", AS_OF, Sex._T, null, Audience.STAFF))
        .as("the same data: the kept table")
        .isSameAs(first);
    var forThePublic = smallAreas.of("HOM-TASA", AS_OF, Sex._T, null, Audience.PUBLIC);
    assertThat(forThePublic).as("the public's is another table").isNotSameAs(first);

    transactions.executeWrite(
        status -> {
          DataVersion.moveOn(status.getConnection());
          return null;
        });
    var after = smallAreas.of("HOM-TASA", AS_OF, Sex._T, null, Audience.STAFF);
    assertThat(after).as("a write happened: computed afresh").isNotSameAs(first);
    assertThat(after).isEqualTo(first);
  }
}
