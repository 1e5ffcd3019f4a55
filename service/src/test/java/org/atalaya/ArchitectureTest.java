package org.atalaya;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.net.URL;
import java.util.Set;
import java.util.stream.Collectors;
import org.atalaya.chart.ChartRenderer;
import org.junit.jupiter.api.Test;

/**
 * The walls between the parts, checked on the compiled classes (docs/architecture.md draws them):
 * no package depends on itself through others; the features sit below the outer floors ({@code
 * web}, {@code report}, {@code demo}); pages and the report reach the database only through a
 * feature's service; the core module knows nothing of the service or the framework.
 */
class ArchitectureTest {
  private static final String[] OUTER = {
    "org.atalaya.web..", "org.atalaya.report..", "org.atalaya.demo.."
  };

  private static final JavaClasses ALL =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.atalaya");

  @Test
  void noPackageDependsOnItselfThroughOthers() {
    slices().matching("org.atalaya.(**)").should().beFreeOfCycles().check(ALL);
  }

  @Test
  void noFeatureImportsThePagesTheReportOrTheDemo() {
    noClasses()
        .that()
        .resideOutsideOfPackages(OUTER)
        .and()
        .doNotBelongToAnyOf(Application.class)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(OUTER)
        .because("features sit below the pages, the report and the demo (docs/architecture.md)")
        .check(ALL);
  }

  @Test
  void pagesAndTheReportUseNoJdbc() {
    DescribedPredicate<JavaClass> jdbc =
        DescribedPredicate.describe(
            "are JDBC (java.sql, javax.sql, Micronaut's JDBC and Data JDBC) other than SQLException",
            c ->
                c.getPackageName().startsWith("java.sql")
                        && !c.isEquivalentTo(java.sql.SQLException.class)
                    || c.getPackageName().startsWith("javax.sql")
                    || c.getPackageName().startsWith("io.micronaut.data.jdbc")
                    || c.getPackageName().startsWith("io.micronaut.jdbc"));
    noClasses()
        .that()
        .resideInAnyPackage("org.atalaya.web..", "org.atalaya.report..")
        .should()
        .dependOnClassesThat(jdbc)
        .because("SQL lives in the owning feature's store; pages and the report call its service")
        .check(ALL);
  }

  @Test
  void theCoreModuleUsesNothingOfTheServiceNorTheFramework() {
    URL core = ChartRenderer.class.getProtectionDomain().getCodeSource().getLocation();
    JavaClasses coreClasses = new ClassFileImporter().importUrl(core);
    Set<String> names = coreClasses.stream().map(JavaClass::getName).collect(Collectors.toSet());
    Set<String> libraries =
        Set.of(
            "java.",
            "javax.imageio",
            "org.jfree.",
            "org.apache.commons.math3",
            "org.locationtech.jts.");
    DescribedPredicate<JavaClass> allowed =
        DescribedPredicate.describe(
            "are in the core module, the JDK, JFreeChart, Commons Math or JTS (maps' outlines)",
            c -> {
              JavaClass base = c.getBaseComponentType();
              return base.isPrimitive()
                  || names.contains(base.getName())
                  || libraries.stream().anyMatch(base.getName()::startsWith);
            });
    classes()
        .should()
        .onlyDependOnClassesThat(allowed)
        .because("the core module is plain Java: charts, estimator, progress engine, vocabulary")
        .check(coreClasses);
  }
}
