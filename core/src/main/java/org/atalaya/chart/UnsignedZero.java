package org.atalaya.chart;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * A number format that writes a value rounding to zero as "0", never "-0": an axis tick at -0.04
 * with no decimals, or a value of -0.0, is zero to a reader.
 */
final class UnsignedZero extends NumberFormat {
  private final NumberFormat format;

  UnsignedZero(NumberFormat format) {
    this.format = format;
  }

  @Override
  public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
    String text = format.format(number);
    if (number <= 0 && text.chars().noneMatch(c -> c >= '1' && c <= '9')) {
      text = format.format(0.0);
    }
    return to.append(text);
  }

  @Override
  public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
    return to.append(format.format(number));
  }

  @Override
  public Number parse(String source, ParsePosition pos) {
    return format.parse(source, pos);
  }

  @Override
  public Object clone() {
    return new UnsignedZero((NumberFormat) format.clone());
  }
}
