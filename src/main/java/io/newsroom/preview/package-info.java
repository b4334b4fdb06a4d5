/**
 * Preview links: a private URL that shows an article as readers would see it if it were published now.
 */
@ApplicationModule(displayName = "Previews", allowedDependencies = {
        "actor",
        "article :: api",
        "audit",
        "content :: api",
        "pipeline",
        "problem",
        "security",
        "similar",
})
package io.newsroom.preview;

import org.springframework.modulith.ApplicationModule;
