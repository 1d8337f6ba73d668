package org.strata.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The engine must run unchanged in the server, the CLI and an Apache Spark job, so its main code may not depend on
 * Spring, the servlet API, JDBC or the server and CLI modules.
 */
class EngineHasNoFrameworkDependenciesTest {

    private final JavaClasses engine = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.strata.engine");

    @Test
    void engineDoesNotUseSpringServletJdbcOrTheServer() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.servlet..", "javax.servlet..", "java.sql..", "javax.sql..",
                        "org.strata.server..", "org.strata.cli..")
                .because("the engine is plain Java so it can run inside a Spark job")
                .check(engine);
    }
}
