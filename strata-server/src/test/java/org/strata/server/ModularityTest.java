package org.strata.server;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each direct sub-package of org.strata.server is a feature module; a module may use another only through its
 * top-level package (its API), never through sub-packages (its internals), and modules may not form cycles.
 */
class ModularityTest {

    @Test
    void featureModulesRespectTheirBoundaries() {
        ApplicationModules.of(StrataApplication.class).verify();
    }
}
