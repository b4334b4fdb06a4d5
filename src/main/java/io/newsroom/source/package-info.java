/**
 * The outlets articles come from.
 */
@ApplicationModule(displayName = "Sources", allowedDependencies = {
        "audit",
        "paging",
        "problem",
        "text",
        "validation",
})
package io.newsroom.source;

import org.springframework.modulith.ApplicationModule;
