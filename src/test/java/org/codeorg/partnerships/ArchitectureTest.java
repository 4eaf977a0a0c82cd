package org.codeorg.partnerships;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Which package may use which (docs/architecture.md draws the same picture). Feature packages sit on
 * the lifecycle-wide and domain packages, which sit on the engine and common packages; nothing below
 * knows the features, and no two packages depend on each other in a circle.
 */
@AnalyzeClasses(packages = "org.codeorg.partnerships", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String ROOT = "org.codeorg.partnerships";

  @ArchTest
  static final ArchRule noCyclesBetweenPackages = slices().matching(ROOT + ".(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
      .layer("Application").definedBy(ROOT)
      .layer("Demo").definedBy(ROOT + ".demo..")
      .layer("Web").definedBy(ROOT + ".web..")
      .layer("Channels").definedBy(ROOT + ".district..", ROOT + ".reporting..", ROOT + ".migration..")
      .layer("Features").definedBy(ROOT + ".application..", ROOT + ".plan..", ROOT + ".pd..", ROOT + ".workshop..",
          ROOT + ".classroom..", ROOT + ".deliverables..", ROOT + ".evaluation..")
      .layer("Lifecycle").definedBy(ROOT + ".lifecycle..")
      .layer("Identity").definedBy(ROOT + ".identity..")
      .layer("Domain").definedBy(ROOT + ".partnership..")
      .layer("Mail").definedBy(ROOT + ".mail..")
      .layer("Engine").definedBy(ROOT + ".engine..")
      .layer("Common").definedBy(ROOT + ".common..")

      .whereLayer("Application").mayNotBeAccessedByAnyLayer()
      .whereLayer("Demo").mayOnlyBeAccessedByLayers("Application")
      .whereLayer("Web").mayOnlyBeAccessedByLayers("Application", "Channels", "Features")
      .whereLayer("Channels").mayOnlyBeAccessedByLayers("Application", "Demo")
      .whereLayer("Features").mayOnlyBeAccessedByLayers("Application", "Demo", "Web", "Channels", "Identity")
      .whereLayer("Lifecycle").mayOnlyBeAccessedByLayers("Application", "Demo", "Web", "Channels", "Features", "Identity")
      .whereLayer("Identity").mayOnlyBeAccessedByLayers("Application", "Demo", "Web", "Channels", "Features")
      .whereLayer("Domain").mayOnlyBeAccessedByLayers("Application", "Demo", "Web", "Channels", "Features", "Lifecycle",
          "Identity")
      .whereLayer("Mail").mayOnlyBeAccessedByLayers("Application", "Demo", "Web", "Channels", "Features", "Lifecycle",
          "Identity", "Domain")
      .whereLayer("Engine").mayOnlyBeAccessedByLayers("Application", "Demo", "Web", "Channels", "Features", "Lifecycle",
          "Identity", "Domain", "Mail");
}
