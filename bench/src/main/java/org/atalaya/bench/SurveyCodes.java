package org.atalaya.bench;

import java.util.Arrays;
import java.util.function.LongFunction;

/**
 * Dense codes 0..k−1 for raw column values (strata, PSUs, domains), in order of first appearance,
 * through an open-addressing hash on primitive longs: O(n), no boxing, for a million rows.
 */
record SurveyCodes(int[] codes, long[] values) {

  int count() {
    return values.length;
  }

  String label(int code, LongFunction<String> format) {
    return format.apply(values[code]);
  }

  static SurveyCodes of(long[] raw) {
    int capacity = Integer.highestOneBit(Math.max(16, raw.length / 2)) << 2;
    long[] keys = new long[capacity];
    int[] slots = new int[capacity];
    Arrays.fill(slots, -1);
    long[] values = new long[64];
    int distinct = 0;
    int[] codes = new int[raw.length];
    int mask = capacity - 1;
    for (int i = 0; i < raw.length; i++) {
      long v = raw[i];
      int h = (int) (mix(v) & mask);
      while (slots[h] >= 0 && keys[h] != v) {
        h = (h + 1) & mask;
      }
      if (slots[h] < 0) {
        if (distinct == values.length) {
          values = Arrays.copyOf(values, distinct * 2);
        }
        keys[h] = v;
        slots[h] = distinct;
        values[distinct++] = v;
      }
      codes[i] = slots[h];
    }
    return new SurveyCodes(codes, Arrays.copyOf(values, distinct));
  }

  static SurveyCodes of(int[] raw) {
    long[] wide = new long[raw.length];
    for (int i = 0; i < raw.length; i++) {
      wide[i] = raw[i];
    }
    return of(wide);
  }

  /** Two columns as one: a × 10⁹ + b, both below 10⁹. */
  static SurveyCodes pairs(int[] a, int[] b) {
    long[] wide = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      wide[i] = a[i] * 1_000_000_000L + b[i];
    }
    return of(wide);
  }

  static String pairLabel(long key) {
    return (key / 1_000_000_000L) + "|" + (key % 1_000_000_000L);
  }

  private static long mix(long v) {
    long h = v * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }
}
