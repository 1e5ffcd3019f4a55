package org.atalaya.survey;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One variable of a wave, as codes: {@code codes[i]} is respondent i's index into {@code values}
 * (its distinct texts, in order of first appearance), or -1 when the respondent has no value.
 * Shared by every request of a wave's data version: never written after it is built.
 */
record Column(int[] codes, String[] values) {

  int size() {
    return codes.length;
  }

  /** Respondent i's text, or null. */
  String at(int i) {
    int c = codes[i];
    return c < 0 ? null : values[c];
  }

  /** The index of a text among the values, or -1 when nobody answered it. */
  int indexOf(String value) {
    for (int k = 0; k < values.length; k++) {
      if (values[k].equals(value)) {
        return k;
      }
    }
    return -1;
  }

  /** What the arrays take in memory, roughly (the texts once each). */
  long bytes() {
    long b = 16 + 4L * codes.length + 16 + 4L * values.length;
    for (String v : values) {
      b += 40 + v.length();
    }
    return b;
  }

  /** Builds a column as texts arrive, one per respondent in order. */
  static final class Builder {
    private int[] codes = new int[1024];
    private int size;
    private final Map<String, Integer> index = new HashMap<>();
    private String[] values = new String[16];

    void add(String value) {
      if (size == codes.length) {
        codes = Arrays.copyOf(codes, size * 2);
      }
      if (value == null) {
        codes[size++] = -1;
        return;
      }
      Integer code = index.get(value);
      if (code == null) {
        code = index.size();
        index.put(value, code);
        if (code == values.length) {
          values = Arrays.copyOf(values, code * 2);
        }
        values[code] = value;
      }
      codes[size++] = code;
    }

    Column build() {
      return new Column(Arrays.copyOf(codes, size), Arrays.copyOf(values, index.size()));
    }
  }
}
