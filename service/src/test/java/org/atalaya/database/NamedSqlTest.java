package org.atalaya.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamedSqlTest {
  @Test
  void namesBecomeMarksInOrderAndRepeat() {
    NamedSql sql =
        NamedSql.parse("SELECT * FROM m WHERE plan = :plan AND (x = :plan OR y=:to_day)");
    assertEquals("SELECT * FROM m WHERE plan = ? AND (x = ? OR y=?)", sql.jdbc());
    assertEquals(List.of("plan", "plan", "to_day"), sql.names());
  }

  @Test
  void castsAreNotParameters() {
    NamedSql sql = NamedSql.parse("SELECT :base::numeric, x::text, '1'::int FROM t");
    assertEquals("SELECT ?::numeric, x::text, '1'::int FROM t", sql.jdbc());
    assertEquals(List.of("base"), sql.names());
  }

  @Test
  void literalsIdentifiersAndCommentsAreLeftAlone() {
    String text =
        """
        SELECT ':not', 'it''s :no', E'a\\' :no', "col:no", $$ :no $$, $f$ :no ? $f$ -- :no ?
        /* :no ? */ FROM t WHERE a = :yes
        """;
    NamedSql sql = NamedSql.parse(text);
    assertEquals(List.of("yes"), sql.names());
    assertEquals(text.replace(":yes", "?"), sql.jdbc());
  }

  @Test
  void questionMarkOperatorsAreEscapedForTheDriver() {
    NamedSql sql = NamedSql.parse("SELECT d ? 'k', d ?| :keys, d ?& array['a'] FROM t");
    assertEquals("SELECT d ?? 'k', d ??| ?, d ??& array['a'] FROM t", sql.jdbc());
    assertEquals(List.of("keys"), sql.names());
  }

  @Test
  void numericSlicesAndPositionalDollarsStay() {
    NamedSql sql = NamedSql.parse("SELECT a[1:2], $1 FROM t WHERE b = :b");
    assertEquals("SELECT a[1:2], $1 FROM t WHERE b = ?", sql.jdbc());
    assertEquals(List.of("b"), sql.names());
  }
}
