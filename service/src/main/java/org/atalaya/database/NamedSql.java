package org.atalaya.database;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL written with named parameters ({@code :plan}) turned into the JDBC form ({@code ?}) and the
 * list of names in order, so a query binds each value by name instead of counting {@code ?}. Left
 * alone: {@code ::type} casts, string literals, quoted identifiers, dollar quotes and comments. A
 * bare {@code ?} (the jsonb operators {@code ?}, {@code ?|}, {@code ?&}) is escaped as {@code ??}
 * so the driver does not take it for a parameter. A name starts with a letter or underscore, so an
 * array slice with numbers ({@code a[1:2]}) stays as written.
 */
public record NamedSql(String jdbc, List<String> names) {
  public NamedSql {
    names = List.copyOf(names);
  }

  public static NamedSql parse(String sql) {
    StringBuilder out = new StringBuilder(sql.length());
    List<String> names = new ArrayList<>();
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char ch = sql.charAt(i);
      int end;
      if (ch == '\'') {
        end = quoted(sql, i, '\'', escapesBackslash(sql, i));
      } else if (ch == '"') {
        end = quoted(sql, i, '"', false);
      } else if (ch == '-' && next(sql, i) == '-') {
        end = sql.indexOf('\n', i);
        end = end < 0 ? n : end;
      } else if (ch == '/' && next(sql, i) == '*') {
        end = sql.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
      } else if (ch == '$' && dollarTag(sql, i) > 0) {
        String tag = sql.substring(i, dollarTag(sql, i));
        end = sql.indexOf(tag, i + tag.length());
        end = end < 0 ? n : end + tag.length();
      } else if (ch == ':' && next(sql, i) == ':') {
        end = i + 2;
      } else if (ch == ':' && isNameStart(next(sql, i)) && !isNamePart(previous(sql, i))) {
        end = i + 1;
        while (end < n && isNamePart(sql.charAt(end))) {
          end++;
        }
        names.add(sql.substring(i + 1, end));
        out.append('?');
        i = end;
        continue;
      } else if (ch == '?') {
        out.append("??");
        i++;
        continue;
      } else {
        end = i + 1;
      }
      out.append(sql, i, end);
      i = end;
    }
    return new NamedSql(out.toString(), names);
  }

  /** The index after the closing quote; a doubled quote (and, in E'', a backslash) escapes. */
  private static int quoted(String sql, int start, char quote, boolean backslash) {
    int i = start + 1;
    while (i < sql.length()) {
      char ch = sql.charAt(i);
      if (backslash && ch == '\\') {
        i += 2;
      } else if (ch == quote && next(sql, i) == quote) {
        i += 2;
      } else if (ch == quote) {
        return i + 1;
      } else {
        i++;
      }
    }
    return sql.length();
  }

  private static boolean escapesBackslash(String sql, int quote) {
    char before = previous(sql, quote);
    return (before == 'E' || before == 'e') && !isNamePart(previous(sql, quote - 1));
  }

  /** The index after a dollar-quote opening tag ({@code $$}, {@code $body$}) at start, or -1. */
  private static int dollarTag(String sql, int start) {
    if (isNamePart(previous(sql, start))) {
      return -1;
    }
    int i = start + 1;
    while (i < sql.length()
        && isNamePart(sql.charAt(i))
        && !Character.isDigit(sql.charAt(start + 1))) {
      i++;
    }
    return i < sql.length() && sql.charAt(i) == '$' ? i + 1 : -1;
  }

  private static char next(String sql, int i) {
    return i + 1 < sql.length() ? sql.charAt(i + 1) : 0;
  }

  private static char previous(String sql, int i) {
    return i > 0 ? sql.charAt(i - 1) : 0;
  }

  private static boolean isNameStart(char ch) {
    return Character.isLetter(ch) || ch == '_';
  }

  private static boolean isNamePart(char ch) {
    return Character.isLetterOrDigit(ch) || ch == '_';
  }
}
