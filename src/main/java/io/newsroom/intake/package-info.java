/**
 * Sources' feeds, polled and made articles; an item that tells a story already published joins
 * that story.
 */
@ApplicationModule(displayName = "Feed intake", allowedDependencies = {
        "article :: api",
        "audit",
        "ingest",
        "outbound",
        "problem",
        "source",
        "story",
        "text",
        "validation",
})
package io.newsroom.intake;

import org.springframework.modulith.ApplicationModule;
