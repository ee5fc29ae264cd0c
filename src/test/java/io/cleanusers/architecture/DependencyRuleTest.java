package io.cleanusers.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule of the README ("How the code is laid out"), made executable: inner layers
 * never know outer ones, commands and queries stay apart, the web layer reaches adapters only
 * through the application's ports (setup wires them), and no two packages depend on each other.
 */
class DependencyRuleTest {

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.cleanusers");

  @Test
  void domain_depends_on_plain_java_only() {
    classes()
        .that()
        .resideInAPackage("io.cleanusers.domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("io.cleanusers.domain..", "java..")
        .check(MAIN);
  }

  @Test
  void application_knows_no_adapter() {
    noClasses()
        .that()
        .resideInAPackage("io.cleanusers.application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.cleanusers.infrastructure..",
            "io.cleanusers.presentation..",
            "io.cleanusers.setup..",
            "jakarta.persistence..",
            "jakarta.ws.rs..",
            "java.sql..",
            "javax.sql..",
            "org.eclipse.microprofile..")
        .check(MAIN);
  }

  @Test
  void commands_do_not_use_queries() {
    noClasses()
        .that()
        .resideInAPackage("io.cleanusers.application.command..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.cleanusers.application.query..")
        .check(MAIN);
  }

  @Test
  void queries_do_not_use_commands() {
    noClasses()
        .that()
        .resideInAPackage("io.cleanusers.application.query..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.cleanusers.application.command..")
        .check(MAIN);
  }

  @Test
  void presentation_does_not_touch_persistence() {
    noClasses()
        .that()
        .resideInAPackage("io.cleanusers.presentation..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta.persistence..", "jakarta.transaction..", "java.sql..", "javax.sql..")
        .check(MAIN);
  }

  @Test
  void presentation_knows_no_adapter() {
    noClasses()
        .that()
        .resideInAPackage("io.cleanusers.presentation..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.cleanusers.infrastructure..")
        .check(MAIN);
  }

  @Test
  void infrastructure_does_not_reach_into_presentation() {
    noClasses()
        .that()
        .resideInAPackage("io.cleanusers.infrastructure..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.cleanusers.presentation..", "io.cleanusers.setup..")
        .check(MAIN);
  }

  @Test
  void packages_are_free_of_cycles() {
    slices().matching("io.cleanusers.(**)").should().beFreeOfCycles().check(MAIN);
  }
}
