/**
 * RSS and Atom feeds of published articles, built on the content module's read model.
 */
@ApplicationModule(displayName = "Feeds", allowedDependencies = {
        "content :: api",
        "paging",
        "problem",
        "replica",
        "text",
})
package io.newsroom.feed;

import org.springframework.modulith.ApplicationModule;
