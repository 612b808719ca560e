package dev.ormadvisor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/**
 * The dependency rules of the codebase, checked rather than hoped for. ArchUnit imports the classes once for all of
 * them (a JUnit test class would import them again for every rule).
 */
@AnalyzeClasses(packages = "dev.ormadvisor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    void theEngineKnowsNothingAboutHttpSpringOrWhoCallsIt(JavaClasses classes) {
        noClasses().that().resideInAPackage("..engine..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..evaluation..", "..system..",
                        "..scenarios..", "..audit..", "..instances..", "org.springframework..", "jakarta.servlet..")
                .check(classes);
    }

    /** Drafts, reloads and the command line all compile through it, so none can skip the safety check. */
    @ArchTest
    void onlyTheRuleBaseCompilerBuildsRulesAndItChecksThemFirst(JavaClasses classes) {
        noClasses().that().doNotHaveFullyQualifiedName("dev.ormadvisor.engine.RuleBaseCompiler")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.kie.internal.builder.KnowledgeBuilderFactory")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kie.internal.builder.KnowledgeBuilder")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kie.api.KieServices")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kie.internal.utils.KieHelper")
                .check(classes);
    }

    @ArchTest
    void decisionTablesAreReadWithDroolsAndPoiAloneKnowingNothingOfTheEngine(JavaClasses classes) {
        classes().that().resideInAPackage("..decisiontables..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("..decisiontables..", "java..",
                        "javax.xml.stream..", "org.drools..", "org.apache.poi..", "org.apache.commons.compress..")
                .check(classes);
    }

    @ArchTest
    void theEvaluationKnowsTheAuditTrailOnlyThroughItsPort(JavaClasses classes) {
        noClasses().that().resideInAPackage("..evaluation..")
                .should().dependOnClassesThat().resideInAnyPackage("..audit..", "..web..", "org.springframework.jdbc..")
                .check(classes);
    }

    @ArchTest
    void theAuditTrailKnowsNothingAboutHttpOrDrools(JavaClasses classes) {
        noClasses().that().resideInAPackage("..audit..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "org.kie..", "org.drools..",
                        "jakarta.servlet..")
                .check(classes);
    }

    @ArchTest
    void theInstanceRegistryKnowsNothingAboutHttpDroolsOrTheAuditTrail(JavaClasses classes) {
        noClasses().that().resideInAPackage("..instances..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..evaluation..", "..audit..",
                        "..system..", "org.kie..", "org.drools..", "jakarta.servlet..")
                .check(classes);
    }

    @ArchTest
    void ruleSetsAreComparedFromTheEnginesDescriptionsWithoutDroolsOrHttp(JavaClasses classes) {
        noClasses().that().resideInAPackage("..rulesets..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..evaluation..", "..system..",
                        "..cli..", "org.kie..", "org.drools..", "jakarta.servlet..", "org.springframework.web..",
                        "org.springframework.http..")
                .check(classes);
    }

    @ArchTest
    void theHttpLayerKnowsNothingAboutDrools(JavaClasses classes) {
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .check(classes);
    }

    @ArchTest
    void theVocabularyOfTheRulesDependsOnNothingElseOfOurs(JavaClasses classes) {
        noClasses().that().resideInAnyPackage("..facts..", "..conclusions..")
                .should().dependOnClassesThat().resideInAnyPackage("..engine..", "..evaluation..", "..web..",
                        "..system..", "..scenarios..", "org.springframework..", "org.kie..", "org.drools..")
                .check(classes);
    }

    @ArchTest
    void scenariosRunOnTheEngineWithoutTheService(JavaClasses classes) {
        noClasses().that().resideInAPackage("..scenarios..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..evaluation..", "..system..",
                        "org.springframework..")
                .check(classes);
    }

    @ArchTest
    void theCommandsRunOnTheEngineWithoutSpringOrHttp(JavaClasses classes) {
        noClasses().that().resideInAPackage("..cli..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..system..",
                        "org.springframework..", "jakarta.servlet..")
                .check(classes);
    }

    @ArchTest
    void theTransparencyLogIsPlainJavaThatAnAuditorCanReadAlone(JavaClasses classes) {
        // Bouncy Castle's RFC 8032 code signs (fast); verifying uses the JDK alone.
        classes().that().resideInAPackage("..transparency..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("..transparency..", "java..",
                        "org.bouncycastle.math.ec.rfc8032..")
                .check(classes);
    }

    @ArchTest
    void onlyTheLauncherKnowsTheCommands(JavaClasses classes) {
        noClasses().that().resideOutsideOfPackage("..cli..").and().doNotHaveSimpleName("OrmAdvisorApplication")
                .should().dependOnClassesThat().resideInAPackage("..cli..")
                .check(classes);
    }
}
