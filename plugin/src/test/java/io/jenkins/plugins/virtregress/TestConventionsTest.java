package io.jenkins.plugins.virtregress;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The project's test conventions, for the plugin's tests. */
@AnalyzeClasses(packages = "io.jenkins.plugins.virtregress", importOptions = ImportOption.OnlyIncludeTests.class)
class TestConventionsTest {
    @ArchTest
    static final ArchRule TESTS_ARE_PACKAGE_PRIVATE = classes().that().haveSimpleNameEndingWith("Test")
            .or().haveSimpleNameEndingWith("ITest")
            .should().notBePublic()
            .because("JUnit 5 needs no public test classes");

    @ArchTest
    static final ArchRule NO_MUTABLE_STATIC_FIELDS = noFields().that().areStatic().and().areNotFinal()
            .should().beDeclaredInClassesThat().resideInAPackage("io.jenkins.plugins.virtregress..")
            .because("tests share no state")
            // a tree with no static field that is not final is what the rule wants, not an empty check
            .allowEmptyShould(true);
}
