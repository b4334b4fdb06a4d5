/**
 * RFC 9457 problem details: the exceptions modules throw, and the one place that turns every
 * error, from a controller or from the container, into a problem body.
 */
@ApplicationModule(displayName = "Problem details", allowedDependencies = {
        "pipeline",
})
package io.newsroom.problem;

import org.springframework.modulith.ApplicationModule;
