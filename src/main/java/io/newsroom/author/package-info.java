/**
 * Authors: the writers articles credit, with their slugs, profiles, merging, and the link between an
 * author and the person who writes as them.
 */
@ApplicationModule(displayName = "Authors", allowedDependencies = {
        "audit",
        "paging",
        "problem",
        "text",
        "validation",
})
package io.newsroom.author;

import org.springframework.modulith.ApplicationModule;
