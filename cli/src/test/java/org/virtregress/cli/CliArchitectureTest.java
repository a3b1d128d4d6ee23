package org.virtregress.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The command line's package design: the subcommands live in {@code cli} and may use the demo;
 * the demo ({@code cli.demo}) is a caller of the engine's hunt and never uses the subcommands.
 */
@AnalyzeClasses(packages = "org.virtregress.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {
    @ArchTest
    static final ArchRule DEMO_DOES_NOT_USE_THE_COMMANDS = noClasses().that().resideInAPackage("org.virtregress.cli.demo..")
            .should().dependOnClassesThat().resideInAPackage("org.virtregress.cli")
            .because("the demo is a caller of the hunt; the demo subcommand in cli calls it, never the other way round");
}
