package org.atalaya.web.review;

/** A comment or approval that cannot be taken as sent; the key picks the sentence shown. */
class ReviewRefused extends RuntimeException {
  private final transient Object[] args;

  ReviewRefused(String key, Object... args) {
    super(key);
    this.args = args.clone();
  }

  String key() {
    return getMessage();
  }

  Object[] args() {
    return args.clone();
  }
}
