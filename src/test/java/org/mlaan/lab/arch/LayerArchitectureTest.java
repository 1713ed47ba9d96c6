package org.mlaan.lab.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The one-way layers of ARCHITECTURE.md: ui -> engine -> core, cli -> engine -> core. */
class LayerArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mlaan.lab");
    }

    @Test
    void coreUsesNeitherDjlNorJavaFxNorOuterLayers() {
        noClasses().that().resideInAPackage("org.mlaan.lab.core..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "javafx..",
                        "org.mlaan.lab.data..", "org.mlaan.lab.engine..", "org.mlaan.lab.analysis..",
                        "org.mlaan.lab.cluster..", "org.mlaan.lab.cli..", "org.mlaan.lab.ui..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void dataKnowsOnlyCoreAndDjl() {
        noClasses().that().resideInAPackage("org.mlaan.lab.data..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.mlaan.lab.engine..",
                        "org.mlaan.lab.analysis..", "org.mlaan.lab.cli..", "org.mlaan.lab.ui..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void engineNeverTouchesJavaFxOrTheCommandLine() {
        noClasses().that().resideInAPackage("org.mlaan.lab.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.mlaan.lab.analysis..",
                        "org.mlaan.lab.cli..", "org.mlaan.lab.ui..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void clusterHandsRunsToTheSchedulerWithoutTrainingThem() {
        // Its tasks train in the lab's own train on the cluster's nodes: no DJL, no engine here.
        noClasses().that().resideInAPackage("org.mlaan.lab.cluster..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "javafx..", "org.mlaan.lab.engine..",
                        "org.mlaan.lab.data..", "org.mlaan.lab.cli..", "org.mlaan.lab.ui..")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAnyPackage("org.mlaan.lab.engine..", "org.mlaan.lab.analysis..",
                "org.mlaan.lab.report..", "org.mlaan.lab.ui..")
                .should().dependOnClassesThat().resideInAPackage("org.mlaan.lab.cluster..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void commandLineNeverUsesTheWindow() {
        noClasses().that().resideInAPackage("org.mlaan.lab.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.mlaan.lab.ui..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void reportDrawsOnlyFromCoreAndAnalysisResults() {
        noClasses().that().resideInAPackage("org.mlaan.lab.report..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..", "javafx..", "org.mlaan.lab.engine..",
                        "org.mlaan.lab.data..", "org.mlaan.lab.cli..", "org.mlaan.lab.ui..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void windowNeverSeesDjlTypes() {
        noClasses().that().resideInAPackage("org.mlaan.lab.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
