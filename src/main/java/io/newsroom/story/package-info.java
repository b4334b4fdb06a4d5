/**
 * Whether two texts tell one story, and the recent published articles a new feed item is compared
 * with.
 */
@ApplicationModule(displayName = "Same story", allowedDependencies = {
        "article :: readers",
        "content :: events",
        "text",
})
package io.newsroom.story;

import org.springframework.modulith.ApplicationModule;
