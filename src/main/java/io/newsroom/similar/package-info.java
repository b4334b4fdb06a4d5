/**
 * Similar articles under an article, ranked from shared tags by this instance's tag index.
 */
@ApplicationModule(displayName = "Similar articles", allowedDependencies = {
        "article :: api",
        "article :: readers",
        "content :: api",
        "content :: events",
        "problem",
        "replica",
        "text",
})
package io.newsroom.similar;

import org.springframework.modulith.ApplicationModule;
