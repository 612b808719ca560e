package dev.ormadvisor.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RestController;

@AnalyzeClasses(packages = "dev.ormadvisor.web", importOptions = ImportOption.DoNotIncludeTests.class)
class WebArchitectureTest {

    @ArchTest
    static final ArchRule theWebLayerKnowsNothingOfDrools = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..");

    @ArchTest
    static final ArchRule controllersAndConfigurationArePackagePrivate = classes()
            .that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Configuration.class)
            .should().notBePublic().andShould().notBeProtected();

    @ArchTest
    static final ArchRule nothingIsFieldInjected = noFields().should().beAnnotatedWith(Autowired.class);
}
