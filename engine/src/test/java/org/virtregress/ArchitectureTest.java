package org.virtregress;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package design of the engine (see the architecture notes): Jenkins stays out of it, every
 * package uses only the packages below it, and there are no cycles.
 *
 * <pre>
 *   report ─────────────────────────────┐
 *     │                                 ▼
 *   bisect ──► suite ──► process      (everything may use storage)
 *     │  └───► repo ──► version, process (gpgv)
 *   install ──► process, version, repo (model only)
 * </pre>
 */
@AnalyzeClasses(packages = "org.virtregress", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String VERSION = "org.virtregress.version..";
    private static final String PROCESS = "org.virtregress.process..";
    private static final String STORAGE = "org.virtregress.storage..";
    private static final String NET = "org.virtregress.net..";
    private static final String REPO = "org.virtregress.repo..";
    private static final String INSTALL = "org.virtregress.install..";
    private static final String SUITE = "org.virtregress.suite..";
    private static final String BISECT = "org.virtregress.bisect..";
    private static final String REPORT = "org.virtregress.report..";

    @ArchTest
    static final ArchRule NO_JENKINS = noClasses().that().resideInAPackage("org.virtregress..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "hudson..", "jenkins..", "org.kohsuke.stapler..", "io.jenkins..")
            .because("the engine runs without Jenkins: the plugin is thin glue over it");

    @ArchTest
    static final ArchRule VERSION_IS_PURE = noClasses().that().resideInAPackage(VERSION)
            .should().dependOnClassesThat().resideInAnyPackage(
                    PROCESS, STORAGE, REPO, INSTALL, SUITE, BISECT, REPORT, "java.io..", "java.nio..", "java.net..")
            .allowEmptyShould(true)
            .because("version ordering is pure: no I/O and nothing else of ours");

    @ArchTest
    static final ArchRule PROCESS_IS_A_LEAF = noClasses().that().resideInAnyPackage(PROCESS, STORAGE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    VERSION, REPO, INSTALL, SUITE, BISECT, REPORT)
            .allowEmptyShould(true)
            .because("running commands and writing files know no domain concept");

    @ArchTest
    static final ArchRule NET_IS_A_LEAF = noClasses().that().resideInAPackage(NET)
            .should().dependOnClassesThat().resideInAnyPackage(
                    VERSION, PROCESS, STORAGE, REPO, INSTALL, SUITE, BISECT, REPORT)
            .allowEmptyShould(true)
            .because("repository URLs and credentials are shared by polling and installing, below both");

    @ArchTest
    static final ArchRule REPO_KNOWS_NO_CONSUMER = noClasses().that().resideInAPackage(REPO)
            .should().dependOnClassesThat().resideInAnyPackage(INSTALL, SUITE, BISECT, REPORT, "org.eclipse.jgit..")
            .allowEmptyShould(true)
            .because("repository readers know neither installers nor git");

    @ArchTest
    static final ArchRule INSTALL_USES_NO_HIGHER_LAYER = noClasses().that().resideInAPackage(INSTALL)
            .should().dependOnClassesThat().resideInAnyPackage(SUITE, BISECT, REPORT, "org.eclipse.jgit..")
            .allowEmptyShould(true)
            .because("installers install; they do not test or bisect");

    @ArchTest
    static final ArchRule SUITE_KNOWS_NO_GIT = noClasses().that().resideInAPackage(SUITE)
            .should().dependOnClassesThat().resideInAnyPackage(
                    REPO, INSTALL, BISECT, REPORT, "org.eclipse.jgit..")
            .allowEmptyShould(true)
            .because("a suite runs and reads results; it knows neither git nor packages");

    @ArchTest
    static final ArchRule BISECT_DOES_NOT_INSTALL = noClasses().that().resideInAPackage(BISECT)
            .should().dependOnClassesThat().resideInAnyPackage(INSTALL, REPORT)
            .allowEmptyShould(true)
            .because("the bisection is handed its probe from outside; it never installs anything itself");

    @ArchTest
    static final ArchRule NOTHING_DEPENDS_ON_REPORT = noClasses().that().resideInAnyPackage(
                    VERSION, PROCESS, STORAGE, REPO, INSTALL, SUITE, BISECT)
            .should().dependOnClassesThat().resideInAPackage(REPORT)
            .allowEmptyShould(true)
            .because("the report is filled from the stages, never the other way round");

    @ArchTest
    static final ArchRule NO_CYCLES = slices().matching("org.virtregress.(*)..").should().beFreeOfCycles()
            .allowEmptyShould(true);
}
