/**
 * The public content API: what readers may see, read straight from SQL, with its caching and
 * conditional requests.
 *
 * <p>Other modules use it only through its named interfaces:
 * <ul>
 *   <li>{@code content :: api}: the read model other public renderings build on (feeds, sitemaps,
 *       pages, previews, similar lists): {@link PublicArticles}, {@link PublicTaxonomy},
 *       {@link StoredSummaries}, {@link ContentCaching}, {@link SiteProperties} and the records they
 *       return;</li>
 *   <li>{@code content :: events}: {@link ArticlesChanged}, which articles' public view may have
 *       changed, whichever instance changed them.</li>
 * </ul>
 */
@ApplicationModule(displayName = "Content API", allowedDependencies = {
        "article :: readers",
        "media",
        "paging",
        "pipeline",
        "problem",
        "replica",
        "request",
        "text",
        "validation",
})
package io.newsroom.content;

import org.springframework.modulith.ApplicationModule;
