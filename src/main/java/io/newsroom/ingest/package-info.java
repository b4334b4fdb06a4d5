/**
 * Stories pushed in by newsroom tools as ninjs, one at a time or in bulk, made articles through the
 * article module's API.
 */
@ApplicationModule(displayName = "Ingest", allowedDependencies = {
        "actor",
        "article :: api",
        "media",
        "problem",
        "security",
        "source",
        "tag",
        "text",
})
package io.newsroom.ingest;

import org.springframework.modulith.ApplicationModule;
