/**
 * The demo content (the seed page's sources and articles), loaded into an empty database through
 * the article module's API like an editor's work.
 */
@ApplicationModule(displayName = "Demo content", allowedDependencies = {
        "article :: api",
        "article :: repository",
        "source",
})
package io.newsroom.demo;

import org.springframework.modulith.ApplicationModule;
