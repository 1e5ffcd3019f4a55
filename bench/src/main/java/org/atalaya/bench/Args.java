package org.atalaya.bench;

/** Command-line arguments one by one; {@code --name=value} is read as {@code --name value}. */
final class Args {

  private final String[] all;
  private int index = -1;
  private String name;
  private String inline;

  Args(String[] all) {
    this.all = all;
  }

  /** Moves to the next argument; false when there is none. */
  boolean next() {
    if (++index >= all.length) {
      return false;
    }
    String a = all[index];
    inline = null;
    int eq = a.indexOf('=');
    if (a.startsWith("--") && eq > 0) {
      inline = a.substring(eq + 1);
      a = a.substring(0, eq);
    }
    name = a;
    return true;
  }

  String name() {
    return name;
  }

  /** The value after "=", or else the next argument, which is then consumed. */
  String value() {
    return inline != null ? inline : all[++index];
  }

  /** As {@link #value()}, but says which option lacks its value. */
  String requiredValue() {
    if (inline == null && index + 1 >= all.length) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return value();
  }
}
