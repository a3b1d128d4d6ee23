package org.virtregress;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.Configuration.consideringOnlyDependenciesInAnyPackage;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.adhereToPlantUmlDiagram;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;

/**
 * The package design of the engine: the diagram {@code engine/design.puml} says which package may
 * use which, and every import of {@code org.virtregress.*} must follow it. The rules the diagram
 * cannot draw follow: Jenkins stays out, version ordering is pure, only the bisection uses JGit, every
 * XML reader comes from {@code io.SafeXml}, and there are no cycles.
 */
@AnalyzeClasses(packages = "org.virtregress", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String ENGINE = "org.virtregress..";
    private static final Set<Class<?>> XML_FACTORIES = Set.of(
            XMLInputFactory.class, DocumentBuilderFactory.class, SAXParserFactory.class);
    private static final DescribedPredicate<JavaMethodCall> NEW_XML_FACTORY = DescribedPredicate.describe(
            "XMLInputFactory, DocumentBuilderFactory or SAXParserFactory .newFactory/.newInstance/.newDefaultFactory",
            call -> Set.of("newFactory", "newInstance", "newDefaultFactory", "newDefaultInstance", "newNSInstance",
                    "newDefaultNSInstance").contains(call.getName())
                    && XML_FACTORIES.stream().anyMatch(factory -> call.getTargetOwner().isAssignableTo(factory)));

    @ArchTest
    static final ArchRule FOLLOWS_THE_DESIGN = classes().that().resideInAPackage(ENGINE)
            .should(adhereToPlantUmlDiagram(design(), consideringOnlyDependenciesInAnyPackage(ENGINE)))
            .because("the design is drawn in engine/design.puml");

    @ArchTest
    static final ArchRule NO_JENKINS = noClasses().that().resideInAPackage(ENGINE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "hudson..", "jenkins..", "org.kohsuke.stapler..", "io.jenkins..")
            .because("the engine runs without Jenkins: the plugin is thin glue over it");

    @ArchTest
    static final ArchRule VERSION_IS_PURE = noClasses().that().resideInAPackage("org.virtregress.version..")
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..")
            .allowEmptyShould(true)
            .because("version ordering is pure: no I/O");

    @ArchTest
    static final ArchRule ONLY_THE_BISECTION_USES_GIT = noClasses().that().resideInAPackage(ENGINE)
            .and().resideOutsideOfPackage("org.virtregress.bisect..")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.jgit..")
            .because("repository readers, installers and suites know nothing of git");

    @ArchTest
    static final ArchRule ONE_HARDENED_XML_FACTORY = noClasses().that().resideOutsideOfPackage("org.virtregress.io..")
            .should().callMethodWhere(NEW_XML_FACTORY)
            .because("every XML reader comes from io.SafeXml: DTDs and entities off, every node capped");

    @ArchTest
    static final ArchRule NO_CYCLES = slices().matching("org.virtregress.(*)..").should().beFreeOfCycles()
            .allowEmptyShould(true);

    private static URL design() {
        try {
            return Path.of("design.puml").toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
