/**
 * Tags: names, slugs and merging.
 */
@ApplicationModule(displayName = "Tags", allowedDependencies = {
        "audit",
        "paging",
        "problem",
        "text",
})
package io.newsroom.tag;

import org.springframework.modulith.ApplicationModule;
