/**
 * Sitemaps and the Google News sitemap of published articles.
 */
@ApplicationModule(displayName = "Sitemaps", allowedDependencies = {
        "article :: readers",
        "content :: api",
        "problem",
        "replica",
        "text",
})
package io.newsroom.sitemap;

import org.springframework.modulith.ApplicationModule;
