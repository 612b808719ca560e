package dev.ormadvisor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rules of the codebase, checked rather than hoped for. */
class ArchitectureTests {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ormadvisor");

    @Test
    void theEngineKnowsNothingAboutHttpSpringOrWhoCallsIt() {
        noClasses().that().resideInAPackage("..engine..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..evaluation..", "..system..",
                        "..scenarios..", "..audit..", "..instances..", "org.springframework..", "jakarta.servlet..")
                .check(classes);
    }

    /** Drafts, reloads and the command line all compile through it, so none can skip the safety check. */
    @Test
    void onlyTheRuleBaseCompilerBuildsRulesAndItChecksThemFirst() {
        noClasses().that().doNotHaveFullyQualifiedName("dev.ormadvisor.engine.RuleBaseCompiler")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.kie.internal.builder.KnowledgeBuilderFactory")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kie.internal.builder.KnowledgeBuilder")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kie.api.KieServices")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.kie.internal.utils.KieHelper")
                .check(classes);
    }

    @Test
    void decisionTablesAreReadWithDroolsAndPoiAloneKnowingNothingOfTheEngine() {
        classes().that().resideInAPackage("..decisiontables..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("..decisiontables..", "java..",
                        "javax.xml.stream..", "org.drools..", "org.apache.poi..", "org.apache.commons.compress..")
                .check(classes);
    }

    @Test
    void theEvaluationKnowsTheAuditTrailOnlyThroughItsPort() {
        noClasses().that().resideInAPackage("..evaluation..")
                .should().dependOnClassesThat().resideInAnyPackage("..audit..", "..web..", "org.springframework.jdbc..")
                .check(classes);
    }

    @Test
    void theAuditTrailKnowsNothingAboutHttpOrDrools() {
        noClasses().that().resideInAPackage("..audit..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "org.kie..", "org.drools..",
                        "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void theInstanceRegistryKnowsNothingAboutHttpDroolsOrTheAuditTrail() {
        noClasses().that().resideInAPackage("..instances..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..evaluation..", "..audit..",
                        "..system..", "org.kie..", "org.drools..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void ruleSetsAreComparedFromTheEnginesDescriptionsWithoutDroolsOrHttp() {
        noClasses().that().resideInAPackage("..rulesets..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..evaluation..", "..system..",
                        "..cli..", "org.kie..", "org.drools..", "jakarta.servlet..", "org.springframework.web..",
                        "org.springframework.http..")
                .check(classes);
    }

    @Test
    void theHttpLayerKnowsNothingAboutDrools() {
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..")
                .check(classes);
    }

    @Test
    void theVocabularyOfTheRulesDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAnyPackage("..facts..", "..conclusions..")
                .should().dependOnClassesThat().resideInAnyPackage("..engine..", "..evaluation..", "..web..",
                        "..system..", "..scenarios..", "org.springframework..", "org.kie..", "org.drools..")
                .check(classes);
    }

    @Test
    void scenariosRunOnTheEngineWithoutTheService() {
        noClasses().that().resideInAPackage("..scenarios..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..evaluation..", "..system..",
                        "org.springframework..")
                .check(classes);
    }

    @Test
    void theCommandsRunOnTheEngineWithoutSpringOrHttp() {
        noClasses().that().resideInAPackage("..cli..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "..system..",
                        "org.springframework..", "jakarta.servlet..")
                .check(classes);
    }

    @Test
    void theTransparencyLogIsPlainJavaThatAnAuditorCanReadAlone() {
        // Bouncy Castle's RFC 8032 code signs (fast); verifying uses the JDK alone.
        classes().that().resideInAPackage("..transparency..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("..transparency..", "java..",
                        "org.bouncycastle.math.ec.rfc8032..")
                .check(classes);
    }

    @Test
    void onlyTheLauncherKnowsTheCommands() {
        noClasses().that().resideOutsideOfPackage("..cli..").and().doNotHaveSimpleName("OrmAdvisorApplication")
                .should().dependOnClassesThat().resideInAPackage("..cli..")
                .check(classes);
    }
}
