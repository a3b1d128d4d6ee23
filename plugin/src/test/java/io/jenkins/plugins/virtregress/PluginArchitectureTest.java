package io.jenkins.plugins.virtregress;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.Configuration.consideringOnlyDependenciesInAnyPackage;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.adhereToPlantUmlDiagram;

import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.verb.POST;

/**
 * The package design of the plugin, drawn in {@code plugin/design.puml}: every dependency of the
 * plugin's classes on the plugin and the engine must follow it, every package must be drawn, and
 * there are no cycles. Then the Jenkins rules, after warnings-ng's architecture test: every form
 * endpoint is {@code @POST} and checks a permission, setters bound from forms sit in public classes,
 * the model does not reach for the Jenkins singleton, and nothing acts as {@code SYSTEM}.
 */
@AnalyzeClasses(packages = "io.jenkins.plugins.virtregress", importOptions = ImportOption.DoNotIncludeTests.class)
class PluginArchitectureTest {
    private static final String PLUGIN = "io.jenkins.plugins.virtregress..";
    /** The calls that count as a permission check. */
    private static final Set<String> PERMISSION_CHECKS = Set.of("checkPermission", "hasPermission", "hasPermission2",
            "check");
    private static final Path DESIGN = Path.of("design.puml");
    /** A package the drawing names: a component's stereotype. */
    private static final Pattern DRAWN_PACKAGE = Pattern.compile("<<(io\\.jenkins\\.plugins\\.virtregress[\\w.]*)>>");

    @ArchTest
    static final ArchRule FOLLOWS_THE_DESIGN = classes().that().resideInAPackage(PLUGIN)
            .should(adhereToPlantUmlDiagram(design(), consideringOnlyDependenciesInAnyPackage(PLUGIN, "org.virtregress..")))
            .because("the design is drawn in plugin/design.puml");

    @ArchTest
    static final ArchRule EVERY_PACKAGE_IS_DRAWN = classes().that().resideInAPackage(PLUGIN)
            .should().resideInAnyPackage(drawnPackages())
            .because("a new room of the plugin is drawn in plugin/design.puml before it is used");

    @ArchTest
    static final ArchRule NO_CYCLES = slices().matching("io.jenkins.plugins.virtregress.(**)").should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule FORM_ENDPOINTS_ARE_POST = methods().that().haveNameMatching("do(Check|Fill).+")
            .should().beAnnotatedWith(POST.class)
            .because("a form endpoint must not answer cross-site GET requests (Jenkins security rules)");

    @ArchTest
    static final ArchRule FORM_ENDPOINTS_CHECK_A_PERMISSION = methods().that().haveNameMatching("do(Check|Fill).+")
            .should(checkAPermission())
            .because("a form endpoint may answer only users who may configure what it checks");

    @ArchTest
    static final ArchRule BOUND_SETTERS_ARE_PUBLIC = methods().that().areAnnotatedWith(DataBoundSetter.class)
            .should().bePublic().andShould().beDeclaredInClassesThat().arePublic()
            .because("Stapler binds forms only to public setters of public classes");

    @ArchTest
    static final ArchRule MODEL_HAS_NO_JENKINS_SINGLETON = noClasses().that()
            .resideInAPackage("io.jenkins.plugins.virtregress.model..")
            .should().callMethod(jenkins.model.Jenkins.class, "get")
            .orShould().callMethod(jenkins.model.Jenkins.class, "getInstanceOrNull")
            .because("the model is data for the pages and the REST API, loaded with its build");

    @ArchTest
    static final ArchRule NOTHING_RUNS_AS_SYSTEM = noClasses().that().resideInAPackage(PLUGIN)
            .should().accessField(hudson.security.ACL.class, "SYSTEM2")
            .orShould().accessField(hudson.security.ACL.class, "SYSTEM")
            .because("credentials and nodes are looked up with the authentication of the run, the job or the"
                    + " user of the form, never as SYSTEM");

    @ArchTest
    static final ArchRule REPORT_ACTIONS_ARE_EXPORTED = classes().that()
            .areAssignableTo(io.jenkins.plugins.virtregress.model.ReportAction.class)
            .and().doNotHaveModifier(JavaModifier.ABSTRACT)
            .should().beAnnotatedWith(org.kohsuke.stapler.export.ExportedBean.class)
            .because("the REST API shows the verdicts of a build");

    private static ArchCondition<JavaMethod> checkAPermission() {
        return new ArchCondition<>("call a permission check") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                boolean checks = method.getMethodCallsFromSelf().stream().map(JavaAccess::getName)
                        .anyMatch(PERMISSION_CHECKS::contains);
                events.add(new SimpleConditionEvent(method, checks, method.getFullName()
                        + (checks ? " checks a permission" : " checks no permission")));
            }
        };
    }

    private static URL design() {
        try {
            return DESIGN.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] drawnPackages() {
        try {
            return DRAWN_PACKAGE.matcher(Files.readString(DESIGN)).results().map(match -> match.group(1))
                    .toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
