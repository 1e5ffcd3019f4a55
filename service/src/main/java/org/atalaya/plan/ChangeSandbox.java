package org.atalaya.plan;

/**
 * Marks the thread that is working out what a write would make of a published plan, inside a
 * transaction that is rolled back (see {@link PlanChanges}). Everywhere else a published plan
 * refuses every write, so no route can change it without the approval step.
 */
final class ChangeSandbox {
  private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);

  private ChangeSandbox() {}

  static boolean inside() {
    return INSIDE.get();
  }

  static <T> T run(java.util.function.Supplier<T> work) {
    boolean outer = INSIDE.get();
    INSIDE.set(true);
    try {
      return work.get();
    } finally {
      INSIDE.set(outer);
    }
  }
}
