package org.virtregress.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.Configuration.consideringOnlyDependenciesInAnyPackage;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.adhereToPlantUmlDiagram;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The package design of the CLI, drawn in {@code cli/design.puml}: every import of
 * {@code org.virtregress.*} by the CLI's classes must follow it. The commands only translate: the
 * rules stay in the engine.
 */
@AnalyzeClasses(packages = "org.virtregress.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule FOLLOWS_THE_DESIGN = classes().that().resideInAPackage("org.virtregress.cli..")
            .should(adhereToPlantUmlDiagram(design(), consideringOnlyDependenciesInAnyPackage("org.virtregress..")))
            .because("the design is drawn in cli/design.puml");

    @ArchTest
    static final ArchRule NO_JENKINS = noClasses().that().resideInAPackage("org.virtregress.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "io.jenkins..")
            .because("the CLI runs without Jenkins");

    private static URL design() {
        try {
            return Path.of("design.puml").toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
