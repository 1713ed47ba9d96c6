package org.mlaan.lab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one-way layers of ARCHITECTURE.md (ui -> engine -> core, cli -> engine -> core), every
 * package named, no cycles between packages, and the terminal only in the command line.
 */
class LayerArchitectureTest {
    private static final String LAB = "org.mlaan.lab.";
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mlaan.lab");
    }

    @Test
    void theLayersPointOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInAnyPackage("org.mlaan.lab..")
                .layer("app").definedBy(LAB + "app..")
                .layer("cli").definedBy(LAB + "cli..")
                .layer("ui").definedBy(LAB + "ui..")
                .layer("cluster").definedBy(LAB + "cluster..")
                .layer("report").definedBy(LAB + "report..")
                .layer("analysis").definedBy(LAB + "analysis..")
                .layer("engine").definedBy(LAB + "engine..")
                .layer("data").definedBy(LAB + "data..")
                .layer("core").definedBy(LAB + "core..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
                .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
                // Its tasks train in the lab's own train on the cluster's nodes: only the command line submits.
                .whereLayer("cluster").mayOnlyBeAccessedByLayers("cli", "app")
                .whereLayer("report").mayOnlyBeAccessedByLayers("cli", "ui")
                .whereLayer("analysis").mayOnlyBeAccessedByLayers("report", "cluster", "cli", "ui")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("analysis", "cli", "ui", "app")
                .whereLayer("data").mayOnlyBeAccessedByLayers("engine", "analysis", "cli", "ui")
                .whereLayer("core").mayOnlyBeAccessedByLayers("data", "engine", "analysis", "report", "cluster", "cli",
                        "ui", "app")
                .check(classes);
    }

    @Test
    void everyClassLiesInANamedLayer() {
        classes().should().resideInAnyPackage(LAB + "app..", LAB + "cli..", LAB + "ui..", LAB + "cluster..",
                LAB + "report..", LAB + "analysis..", LAB + "engine..", LAB + "data..", LAB + "core..")
                .check(classes);
    }

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().matching("org.mlaan.lab.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void coreUsesNeitherDjlNorJavaFx() {
        noClasses().that().resideInAPackage(LAB + "core..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "javafx..")
                .check(classes);
    }

    @Test
    void dataEngineAndClusterNeverTouchJavaFx() {
        noClasses().that().resideInAnyPackage(LAB + "data..", LAB + "engine..", LAB + "cluster..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void clusterAndReportNeverTouchDjl() {
        noClasses().that().resideInAnyPackage(LAB + "cluster..", LAB + "report..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "javafx..")
                .check(classes);
    }

    @Test
    void commandLineNeverUsesJavaFx() {
        noClasses().that().resideInAPackage(LAB + "cli..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void windowNeverSeesDjlTypes() {
        noClasses().that().resideInAPackage(LAB + "ui..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..")
                .check(classes);
    }

    @Test
    void onlyTheCommandLineTalksToTheTerminal() {
        noClasses().that().resideOutsideOfPackage(LAB + "cli..")
                .should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .orShould().callMethod(Throwable.class, "printStackTrace")
                .check(classes);
    }
}
