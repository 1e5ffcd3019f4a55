package org.atalaya.indicator;

public enum Direction {
  INCREASE,
  DECREASE,
  MAINTAIN
}
