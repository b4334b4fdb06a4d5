package io.newsroom;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Modules (article, tag, source, text, ...) depend on each other's public roots only, without cycles. */
class ModularityTest {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(NewsroomApplication.class).verify();
    }
}
